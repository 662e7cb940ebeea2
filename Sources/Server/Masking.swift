import ArchiveIndex
import Search
import Tagging

/// Personnummer hidden from roles that may not see them: in the text, the evidence and measures.
enum Masking {
    static func apply(_ stored: StoredDocument, for role: Role) -> StoredDocument {
        guard !role.mayViewPersonnummer else { return stored }
        var masked = stored
        masked.pages = stored.pages.map(PersonnummerMask.mask)
        masked.evidence = stored.evidence.map { Evidence(field: $0.field, value: PersonnummerMask.mask($0.value), excerpt: PersonnummerMask.mask($0.excerpt), page: $0.page) }
        masked.record.measures = stored.record.measures.map { m in var m = m; m.text = PersonnummerMask.mask(m.text); return m }
        masked.record.title = PersonnummerMask.mask(stored.record.title)
        return masked
    }

    static func apply(_ answer: RecurringMeasures.Answer, for role: Role) -> RecurringMeasures.Answer {
        guard !role.mayViewPersonnummer else { return answer }
        var masked = answer
        for g in masked.groups.indices {
            masked.groups[g].label = PersonnummerMask.mask(masked.groups[g].label)
            for e in masked.groups[g].examples.indices { masked.groups[g].examples[e].text = PersonnummerMask.mask(masked.groups[g].examples[e].text) }
        }
        return masked
    }
}
