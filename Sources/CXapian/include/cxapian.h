/*
 * cxapian: a C API over the parts of Xapian IVO-arkiv uses.
 *
 * Why a C++ shim: Xapian reports every failure as a C++ exception, and Swift cannot catch C++
 * exceptions. Every function here catches everything and reports through `cx_error **err`.
 *
 * Conventions (the Swift layer relies on them):
 *  - A function that can fail takes `cx_error **err` last. On failure it returns NULL / 0 / -1
 *    and sets *err; the caller frees it with cx_error_free(). On success *err is untouched.
 *  - Every `cx_*_new` / `*_open` result is owned by the caller and freed with its `cx_*_free`.
 *  - Strings returned as `char *` are malloc'd, NUL-terminated UTF-8; free with cx_string_free().
 *    Binary values come back as (pointer, length) and are freed the same way.
 *  - Iteration goes through callbacks that receive borrowed pointers valid only for the call.
 */
#ifndef CXAPIAN_H
#define CXAPIAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cx_error cx_error;
typedef struct cx_database cx_database;
typedef struct cx_document cx_document;
typedef struct cx_termgenerator cx_termgenerator;
typedef struct cx_queryparser cx_queryparser;
typedef struct cx_query cx_query;
typedef struct cx_enquire cx_enquire;
typedef struct cx_mset cx_mset;
typedef struct cx_rset cx_rset;
typedef struct cx_valuecountspy cx_valuecountspy;

typedef uint32_t cx_docid;

/* ---- errors and strings ---- */
/** The Xapian error class, e.g. "DatabaseOpeningError", "QueryParserError". */
const char *cx_error_type(const cx_error *err);
const char *cx_error_message(const cx_error *err);
void cx_error_free(cx_error *err);
void cx_string_free(void *s);
/** Xapian's library version, e.g. "1.4.22". Static string. */
const char *cx_version(void);

/* ---- databases ---- */
/** Opens a database read-only: a path to a glass database or a stub database file. */
cx_database *cx_database_open(const char *path, cx_error **err);
/** An empty database to which shards are added with cx_database_add(). */
cx_database *cx_database_new_empty(void);
/** Opens a remote database served by xapian-tcpsrv. timeout_ms applies to connect and reads. */
cx_database *cx_database_open_remote(const char *host, unsigned port, unsigned timeout_ms,
                                     cx_error **err);
/** Adds `other`'s shards to `db` so both are searched as one (Xapian's multi-database). */
int cx_database_add(cx_database *db, const cx_database *other, cx_error **err);
/** Opens (creating if needed) a writable database. */
cx_database *cx_database_open_writable(const char *path, cx_error **err);
void cx_database_free(cx_database *db);
int cx_database_is_writable(const cx_database *db);

/** Re-opens a read-only database at its latest revision. Returns 1 if it changed. */
int cx_database_reopen(cx_database *db, cx_error **err);
uint32_t cx_database_doccount(const cx_database *db, cx_error **err);
cx_docid cx_database_lastdocid(const cx_database *db, cx_error **err);
/** Sum of all documents' lengths. */
uint64_t cx_database_total_length(const cx_database *db, cx_error **err);
/** Number of shards (sub-databases); 1 for a single index. */
uint32_t cx_database_shard_count(const cx_database *db);
/** The UUID of each shard, separated by ':' ("" if some shard has none). */
char *cx_database_uuid(const cx_database *db, cx_error **err);
int cx_database_term_exists(const cx_database *db, const char *term, cx_error **err);
uint32_t cx_database_termfreq(const cx_database *db, const char *term, cx_error **err);
/** The first document indexed by `term`, or 0 when none. */
cx_docid cx_database_first_posting(const cx_database *db, const char *term, cx_error **err);
cx_document *cx_database_get_document(const cx_database *db, cx_docid did, cx_error **err);

typedef int (*cx_term_callback)(void *ctx, const char *term, size_t len, uint32_t freq);
typedef int (*cx_docid_callback)(void *ctx, cx_docid did);
/** Calls back for every term starting with prefix, with its term frequency; stop by returning 0. */
int cx_database_allterms(const cx_database *db, const char *prefix, cx_term_callback cb,
                         void *ctx, cx_error **err);
/** Calls back for every document indexed by term; stop by returning 0. */
int cx_database_postings(const cx_database *db, const char *term, cx_docid_callback cb,
                         void *ctx, cx_error **err);
/** Every document id in the database, in order. */
int cx_database_all_docids(const cx_database *db, cx_docid_callback cb, void *ctx,
                           cx_error **err);

/** User metadata: returns "" (not NULL) for a missing key. */
char *cx_database_get_metadata(const cx_database *db, const char *key, size_t *len,
                               cx_error **err);
int cx_database_set_metadata(cx_database *db, const char *key, const char *value, size_t len,
                             cx_error **err);

/** Writes: all need a writable database. */
cx_docid cx_database_replace_by_term(cx_database *db, const char *unique_term,
                                     const cx_document *doc, cx_error **err);
cx_docid cx_database_add_document(cx_database *db, const cx_document *doc, cx_error **err);
/* Puts `doc` at docid `did`, replacing what is there or adding it with that id. */
int cx_database_replace_document(cx_database *db, cx_docid did, const cx_document *doc, cx_error **err);
int cx_database_delete_by_term(cx_database *db, const char *unique_term, cx_error **err);
int cx_database_commit(cx_database *db, cx_error **err);
int cx_database_begin_transaction(cx_database *db, int flushed, cx_error **err);
int cx_database_commit_transaction(cx_database *db, cx_error **err);
int cx_database_cancel_transaction(cx_database *db, cx_error **err);
int cx_database_add_spelling(cx_database *db, const char *word, uint32_t freqinc, cx_error **err);
int cx_database_add_synonym(cx_database *db, const char *term, const char *synonym,
                            cx_error **err);
int cx_database_clear_synonyms(cx_database *db, const char *term, cx_error **err);
/** Synonyms of term, one callback each (freq is 0). */
/* Every word of the spelling dictionary with its frequency. */
int cx_database_spellings(const cx_database *db, cx_term_callback cb, void *ctx, cx_error **err);
int cx_database_synonyms(const cx_database *db, const char *term, cx_term_callback cb,
                         void *ctx, cx_error **err);
/** Spelling suggestion for a single word, "" if none. */
char *cx_database_spelling_suggestion(const cx_database *db, const char *word,
                                      unsigned max_edit_distance, cx_error **err);
/** Closes the database, releasing its lock; further use fails with a clear error. */
int cx_database_close(cx_database *db, cx_error **err);

/* ---- documents ---- */
cx_document *cx_document_new(void);
void cx_document_free(cx_document *doc);
int cx_document_set_data(cx_document *doc, const char *data, size_t len, cx_error **err);
char *cx_document_get_data(const cx_document *doc, size_t *len, cx_error **err);
int cx_document_add_term(cx_document *doc, const char *term, uint32_t wdfinc, cx_error **err);
int cx_document_add_boolean_term(cx_document *doc, const char *term, cx_error **err);
int cx_document_add_posting(cx_document *doc, const char *term, uint32_t pos, uint32_t wdfinc,
                            cx_error **err);
int cx_document_add_value(cx_document *doc, unsigned slot, const char *value, size_t len,
                          cx_error **err);
char *cx_document_get_value(const cx_document *doc, unsigned slot, size_t *len, cx_error **err);
cx_docid cx_document_docid(const cx_document *doc);
/** The document's terms with their wdf. */
int cx_document_terms(const cx_document *doc, cx_term_callback cb, void *ctx, cx_error **err);

/** The words a document adds to the spelling dictionary, packed (word NUL wdf32le ...): every
    unprefixed term's wdf less the same word's wdf under title_prefix. Free with cx_string_free. */
char *cx_document_spelling_counts(const cx_document *doc, const char *title_prefix, size_t *len, cx_error **err);
/** Adds spelling counts packed by cx_document_spelling_counts. */
int cx_database_add_spelling_counts(cx_database *db, const char *packed, size_t len, cx_error **err);

/* ---- indexing text ---- */
/** language: a Snowball stemmer name ("swedish") or "" / "none" for no stemming. */
cx_termgenerator *cx_termgenerator_new(const char *language, cx_error **err);
void cx_termgenerator_free(cx_termgenerator *tg);
void cx_termgenerator_set_document(cx_termgenerator *tg, cx_document *doc);
/** Lets go of the document: the generator then holds a reference to none but its own. */
void cx_termgenerator_release_document(cx_termgenerator *tg);
/** 1 when the generator points at doc's contents (shared by every copy of the document). */
int cx_termgenerator_holds(const cx_termgenerator *tg, const cx_document *doc);
/** Enables spelling data: words indexed are added to db's spelling table. */
int cx_termgenerator_set_database(cx_termgenerator *tg, cx_database *db, cx_error **err);
/** Stemming strategy: 0 none, 1 some (Z-prefixed stems + exact forms, the default), 2 all. */
void cx_termgenerator_set_stemming_strategy(cx_termgenerator *tg, int strategy);
int cx_termgenerator_index_text(cx_termgenerator *tg, const char *text, uint32_t wdfinc,
                                const char *prefix, cx_error **err);
int cx_termgenerator_index_text_without_positions(cx_termgenerator *tg, const char *text,
                                                  uint32_t wdfinc, const char *prefix,
                                                  cx_error **err);
void cx_termgenerator_increase_termpos(cx_termgenerator *tg, uint32_t delta);
uint32_t cx_termgenerator_termpos(const cx_termgenerator *tg);

/* ---- stemming ---- */
typedef struct cx_stemmer cx_stemmer;
cx_stemmer *cx_stemmer_new(const char *language, cx_error **err);
/** The stem of one word, as the TermGenerator indexes it (without the "Z" prefix). */
char *cx_stemmer_stem(const cx_stemmer *s, const char *word, cx_error **err);
void cx_stemmer_free(cx_stemmer *s);

/* ---- queries ---- */
enum {
    CX_OP_AND = 0, CX_OP_OR = 1, CX_OP_AND_NOT = 2, CX_OP_FILTER = 3, CX_OP_AND_MAYBE = 4,
    CX_OP_ELITE_SET = 5, CX_OP_PHRASE = 6, CX_OP_SYNONYM = 7
};
/** QueryParser feature flags, the same bits as Xapian::QueryParser::feature_flag. */
enum {
    CX_QP_BOOLEAN = 1, CX_QP_PHRASE = 2, CX_QP_LOVEHATE = 4, CX_QP_BOOLEAN_ANY_CASE = 8,
    CX_QP_WILDCARD = 16, CX_QP_PURE_NOT = 32, CX_QP_PARTIAL = 64, CX_QP_SPELLING_CORRECTION = 128,
    CX_QP_SYNONYM = 256, CX_QP_AUTO_SYNONYMS = 512, CX_QP_AUTO_MULTIWORD_SYNONYMS = 1024,
    CX_QP_CJK_NGRAM = 2048, CX_QP_DEFAULT = 7
};

cx_query *cx_query_term(const char *term, uint32_t wqf);
cx_query *cx_query_match_all(void);
/** Documents whose value in slot lies in [lo, hi] (string order). */
cx_query *cx_query_value_range(unsigned slot, const char *lo, const char *hi);
/** Combines a and b with op (CX_OP_*); a and b stay owned by the caller. */
cx_query *cx_query_combine(int op, const cx_query *a, const cx_query *b);
/** Terms ORed (or op'd) together as one query. */
cx_query *cx_query_terms(int op, const char *const *terms, size_t count);
/** Scales a query's weight (OP_SCALE_WEIGHT). */
cx_query *cx_query_scale(const cx_query *q, double factor);
int cx_query_is_empty(const cx_query *q);
/** 1 when every weight in the query comes from its own terms: no wildcard, synonym or elite
 *  set (which weigh terms found while matching, or pick terms by weight bounds). */
int cx_query_weighs_its_terms_alone(const cx_query *q);
char *cx_query_description(const cx_query *q);
/** The distinct terms in the query, in query order. */
int cx_query_terms_each(const cx_query *q, cx_term_callback cb, void *ctx);
void cx_query_free(cx_query *q);
/** q restricted to the documents of the shards with these UUIDs (a filter: weights unchanged). */
cx_query *cx_query_within_shards(const cx_query *q, const char *const *uuids, size_t count);
/** A copy sharing nothing with q: Xapian counts references to query parts without atomics, so
 *  a query used on another thread must be its own copy. */
cx_query *cx_query_copy(const cx_query *q, cx_error **err);

cx_queryparser *cx_queryparser_new(void);
void cx_queryparser_free(cx_queryparser *qp);
int cx_queryparser_set_stemmer(cx_queryparser *qp, const char *language, cx_error **err);
/** 0 none, 1 some (the default: stems are Z-prefixed, capitalised words stay exact), 2 all. */
void cx_queryparser_set_stemming_strategy(cx_queryparser *qp, int strategy);
void cx_queryparser_set_database(cx_queryparser *qp, const cx_database *db);
void cx_queryparser_set_default_op(cx_queryparser *qp, int op);
int cx_queryparser_add_prefix(cx_queryparser *qp, const char *field, const char *prefix,
                              cx_error **err);
/** A free-text field whose whole value is one term, prefix+value, weighted like a word. */
int cx_queryparser_add_term_field(cx_queryparser *qp, const char *field, const char *prefix,
                                  cx_error **err);
/** A boolean filter field; fields sharing a group are ORed (NULL group: own group). */
int cx_queryparser_add_boolean_prefix(cx_queryparser *qp, const char *field, const char *prefix,
                                      const char *group, cx_error **err);
/** Value range "field:lo..hi" over slot, e.g. dates stored as YYYYMMDD. */
int cx_queryparser_add_rangeprocessor(cx_queryparser *qp, unsigned slot, const char *field,
                                      cx_error **err);
cx_query *cx_queryparser_parse(cx_queryparser *qp, const char *query, unsigned flags,
                               const char *default_prefix, cx_error **err);
/** The spelling-corrected query string from the last parse, "" if none. */
char *cx_queryparser_corrected(const cx_queryparser *qp);

/* ---- search ---- */
cx_enquire *cx_enquire_new(const cx_database *db, cx_error **err);
void cx_enquire_free(cx_enquire *e);
void cx_enquire_set_query(cx_enquire *e, const cx_query *q);
/** Sort: by relevance (slot < 0), or by value in slot then relevance. */
void cx_enquire_set_sort(cx_enquire *e, int slot, int reverse);
/** Collapse: at most one hit per distinct value in slot (slot < 0 turns it off). */
void cx_enquire_set_collapse_key(cx_enquire *e, int slot);
/** Every match weighs 0, and so does every query word (BoolWeight). */
void cx_enquire_set_bool_weight(cx_enquire *e);
/** BM25 (Xapian's defaults) with a whole archive's statistics, for a match over some of its
 *  shards: the weights are those of a match over all of them. Each term's archive frequency is
 *  found by its frequency and collection frequency in the database matched (count entries). */
void cx_enquire_set_archive_bm25(cx_enquire *e, const uint32_t *local_termfreq, const uint64_t *local_collfreq,
                                 const uint32_t *archive_termfreq, size_t count, uint32_t documents, double average_length);
/** How often a term occurs in all documents together. */
uint64_t cx_database_collection_freq(const cx_database *db, const char *term, cx_error **err);
/** BM25 parameters; the defaults are Xapian's. */
void cx_enquire_set_bm25(cx_enquire *e, double k1, double k2, double k3, double b,
                         double min_normlen);
/** spy stays owned by the caller and must outlive every get_mset on e. local: no shard of e's
 *  database is remote, so a multi-valued spy may split entries while matching. */
void cx_enquire_add_valuecount_spy(cx_enquire *e, cx_valuecountspy *spy, int local);
void cx_enquire_clear_spies(cx_enquire *e);
/** rset may be NULL. checkatleast makes counts (and spies) exact up to that many documents. */
cx_mset *cx_enquire_get_mset(cx_enquire *e, uint32_t first, uint32_t max, uint32_t checkatleast,
                             const cx_rset *rset, cx_error **err);
/** Terms that best describe the relevant documents (relevance feedback), best first. */
int cx_enquire_expand(cx_enquire *e, const cx_rset *rset, uint32_t max, const char *prefix,
                      int (*cb)(void *ctx, const char *term, size_t len, double weight),
                      void *ctx, cx_error **err);

uint32_t cx_mset_size(const cx_mset *m);
uint32_t cx_mset_matches_estimated(const cx_mset *m);
uint32_t cx_mset_matches_lower_bound(const cx_mset *m);
uint32_t cx_mset_matches_upper_bound(const cx_mset *m);
cx_docid cx_mset_docid(const cx_mset *m, uint32_t i);
double cx_mset_weight(const cx_mset *m, uint32_t i);
/** The key hit i was sorted by (its value in the sort slot), "" when sorted by relevance. */
char *cx_mset_sort_key(const cx_mset *m, uint32_t i, size_t *len);
cx_document *cx_mset_document(const cx_mset *m, uint32_t i, cx_error **err);
/* Asks for every hit's document at once: remote shards answer in one exchange, not one per hit. */
int cx_mset_fetch(const cx_mset *m, cx_error **err);
/* The number of documents holding a term of the query, from the statistics of the match. */
uint32_t cx_mset_termfreq(const cx_mset *m, const char *term, size_t len, cx_error **err);
/** A snippet of text around the query's matches, hits wrapped in hi_start/hi_end. */
char *cx_mset_snippet(const cx_mset *m, const char *text, size_t length, const char *language,
                      const char *hi_start, const char *hi_end, const char *omit,
                      unsigned flags, cx_error **err);
/** Snippet flags, as Xapian::MSet::SNIPPET_*. */
enum { CX_SNIPPET_BACKGROUND_MODEL = 1, CX_SNIPPET_EXHAUSTIVE = 2, CX_SNIPPET_EMPTY_WITHOUT_MATCH = 4 };
void cx_mset_free(cx_mset *m);

cx_rset *cx_rset_new(void);
void cx_rset_add(cx_rset *r, cx_docid did);
void cx_rset_free(cx_rset *r);

/** Counts the values in slot over the matching documents. separator != 0: a value holds
 *  entries separated by it, and each entry is counted once per document. Over remote databases
 *  this is Xapian's ValueCountMatchSpy (split afterwards); locally entries are split while
 *  matching. */
cx_valuecountspy *cx_valuecountspy_new(unsigned slot, char separator);
/** Values (or entries) seen by the spy with the number of documents having each. */
int cx_valuecountspy_counts(const cx_valuecountspy *spy, cx_term_callback cb, void *ctx);
/** Number of documents the spy has seen. */
uint32_t cx_valuecountspy_total(const cx_valuecountspy *spy);
void cx_valuecountspy_free(cx_valuecountspy *spy);

#ifdef __cplusplus
}
#endif
#endif
