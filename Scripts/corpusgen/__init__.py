"""Generator of synthetic IVO supervision documents (PDF and text) with ground-truth labels."""
