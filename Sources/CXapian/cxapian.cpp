// The C API of cxapian.h over Xapian. Every entry point catches everything: a C++ exception
// crossing into Swift would abort the process.
#include "cxapian.h"

#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct cx_error {
    std::string type;
    std::string message;
};
struct cx_database {
    Xapian::Database db;  // a WritableDatabase is-a Database; `writable` says which we hold
    Xapian::WritableDatabase wdb;
    bool writable = false;
    Xapian::Database &read() { return writable ? static_cast<Xapian::Database &>(wdb) : db; }
    const Xapian::Database &read() const {
        return writable ? static_cast<const Xapian::Database &>(wdb) : db;
    }
};
struct cx_document { Xapian::Document doc; };
// `unattached` is what the generator points at between documents: Xapian counts a document's
// references without atomics, so a document handed to another thread must be held by no
// generator here.
struct cx_termgenerator { Xapian::TermGenerator tg; Xapian::Document unattached; };
struct cx_queryparser { Xapian::QueryParser qp; };
struct cx_query { Xapian::Query q; };
struct cx_enquire { Xapian::Enquire enq; explicit cx_enquire(const Xapian::Database &d) : enq(d) {} };
struct cx_mset { Xapian::MSet mset; Xapian::Enquire enq; };
struct cx_rset { Xapian::RSet rset; };

namespace {

void set_error(cx_error **err, const std::string &type, const std::string &message) {
    if (err) *err = new cx_error{type, message};
}

char *dup_bytes(const std::string &s, size_t *len = nullptr) {
    char *out = static_cast<char *>(std::malloc(s.size() + 1));
    if (!out) return nullptr;
    std::memcpy(out, s.data(), s.size());
    out[s.size()] = '\0';
    if (len) *len = s.size();
    return out;
}

Xapian::Query::op to_op(int op) {
    switch (op) {
        case CX_OP_OR: return Xapian::Query::OP_OR;
        case CX_OP_AND_NOT: return Xapian::Query::OP_AND_NOT;
        case CX_OP_FILTER: return Xapian::Query::OP_FILTER;
        case CX_OP_AND_MAYBE: return Xapian::Query::OP_AND_MAYBE;
        case CX_OP_ELITE_SET: return Xapian::Query::OP_ELITE_SET;
        case CX_OP_PHRASE: return Xapian::Query::OP_PHRASE;
        case CX_OP_SYNONYM: return Xapian::Query::OP_SYNONYM;
        default: return Xapian::Query::OP_AND;
    }
}

Xapian::Stem make_stemmer(const char *language) {
    if (!language || !*language || std::strcmp(language, "none") == 0) return Xapian::Stem();
    return Xapian::Stem(language);
}

}  // namespace

// Runs body; on any exception records it in *err and returns fail.
#define CX_GUARD(fail, ...)                                              \
    try {                                                                 \
        __VA_ARGS__                                                       \
    } catch (const Xapian::Error &e) {                                    \
        set_error(err, e.get_type(), e.get_msg());                        \
    } catch (const std::exception &e) {                                   \
        set_error(err, "std::exception", e.what());                       \
    } catch (...) {                                                       \
        set_error(err, "unknown", "unknown C++ exception");               \
    }                                                                     \
    return fail;

extern "C" {

const char *cx_error_type(const cx_error *err) { return err->type.c_str(); }
const char *cx_error_message(const cx_error *err) { return err->message.c_str(); }
void cx_error_free(cx_error *err) { delete err; }
void cx_string_free(void *s) { std::free(s); }
const char *cx_version(void) { return Xapian::version_string(); }

/* ---- databases ---- */

cx_database *cx_database_open(const char *path, cx_error **err) {
    CX_GUARD(nullptr, {
        auto *d = new cx_database;
        try { d->db = Xapian::Database(path); } catch (...) { delete d; throw; }
        return d;
    })
}

cx_database *cx_database_new_empty(void) { return new cx_database; }

cx_database *cx_database_open_remote(const char *host, unsigned port, unsigned timeout_ms,
                                     cx_error **err) {
    CX_GUARD(nullptr, {
        auto *d = new cx_database;
        try {
            d->db = Xapian::Remote::open(host, port, timeout_ms, timeout_ms);
        } catch (...) { delete d; throw; }
        return d;
    })
}

int cx_database_add(cx_database *db, const cx_database *other, cx_error **err) {
    CX_GUARD(0, {
        if (db->writable) throw Xapian::InvalidOperationError("cannot add shards to a writable database");
        db->db.add_database(other->read());
        return 1;
    })
}

cx_database *cx_database_open_writable(const char *path, cx_error **err) {
    CX_GUARD(nullptr, {
        auto *d = new cx_database;
        try {
            d->wdb = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
            d->writable = true;
        } catch (...) { delete d; throw; }
        return d;
    })
}

void cx_database_free(cx_database *db) {
    // Destroying a WritableDatabase commits pending changes; that may throw, and must not escape.
    try { delete db; } catch (...) {}
}

int cx_database_is_writable(const cx_database *db) { return db->writable ? 1 : 0; }

int cx_database_reopen(cx_database *db, cx_error **err) {
    CX_GUARD(-1, { return db->read().reopen() ? 1 : 0; })
}

uint32_t cx_database_doccount(const cx_database *db, cx_error **err) {
    CX_GUARD(0, { return db->read().get_doccount(); })
}

cx_docid cx_database_lastdocid(const cx_database *db, cx_error **err) {
    CX_GUARD(0, { return db->read().get_lastdocid(); })
}

uint64_t cx_database_total_length(const cx_database *db, cx_error **err) {
    CX_GUARD(0, { return db->read().get_total_length(); })
}

uint32_t cx_database_shard_count(const cx_database *db) { return static_cast<uint32_t>(db->read().size()); }

char *cx_database_uuid(const cx_database *db, cx_error **err) {
    CX_GUARD(nullptr, { return dup_bytes(db->read().get_uuid()); })
}

int cx_database_term_exists(const cx_database *db, const char *term, cx_error **err) {
    CX_GUARD(-1, { return db->read().term_exists(term) ? 1 : 0; })
}

uint32_t cx_database_termfreq(const cx_database *db, const char *term, cx_error **err) {
    CX_GUARD(0, { return db->read().get_termfreq(term); })
}

cx_docid cx_database_first_posting(const cx_database *db, const char *term, cx_error **err) {
    CX_GUARD(0, {
        const Xapian::Database &d = db->read();
        Xapian::PostingIterator it = d.postlist_begin(term);
        return it == d.postlist_end(term) ? 0 : *it;
    })
}

cx_document *cx_database_get_document(const cx_database *db, cx_docid did, cx_error **err) {
    CX_GUARD(nullptr, { return new cx_document{db->read().get_document(did)}; })
}

int cx_database_allterms(const cx_database *db, const char *prefix, cx_term_callback cb,
                         void *ctx, cx_error **err) {
    CX_GUARD(0, {
        const Xapian::Database &d = db->read();
        for (auto it = d.allterms_begin(prefix); it != d.allterms_end(prefix); ++it) {
            const std::string t = *it;
            if (!cb(ctx, t.data(), t.size(), it.get_termfreq())) break;
        }
        return 1;
    })
}

int cx_database_postings(const cx_database *db, const char *term, cx_docid_callback cb,
                         void *ctx, cx_error **err) {
    CX_GUARD(0, {
        const Xapian::Database &d = db->read();
        for (auto it = d.postlist_begin(term); it != d.postlist_end(term); ++it) {
            if (!cb(ctx, *it)) break;
        }
        return 1;
    })
}

int cx_database_all_docids(const cx_database *db, cx_docid_callback cb, void *ctx,
                           cx_error **err) {
    return cx_database_postings(db, "", cb, ctx, err);
}

char *cx_database_get_metadata(const cx_database *db, const char *key, size_t *len,
                               cx_error **err) {
    CX_GUARD(nullptr, { return dup_bytes(db->read().get_metadata(key), len); })
}

int cx_database_set_metadata(cx_database *db, const char *key, const char *value, size_t len,
                             cx_error **err) {
    CX_GUARD(0, {
        if (!db->writable) throw Xapian::InvalidOperationError("database is read-only");
        db->wdb.set_metadata(key, std::string(value, len));
        return 1;
    })
}

#define CX_NEED_WRITABLE(db) \
    if (!(db)->writable) throw Xapian::InvalidOperationError("database is read-only");

cx_docid cx_database_replace_by_term(cx_database *db, const char *unique_term,
                                     const cx_document *doc, cx_error **err) {
    CX_GUARD(0, {
        CX_NEED_WRITABLE(db)
        return db->wdb.replace_document(unique_term, doc->doc);
    })
}

cx_docid cx_database_add_document(cx_database *db, const cx_document *doc, cx_error **err) {
    CX_GUARD(0, {
        CX_NEED_WRITABLE(db)
        return db->wdb.add_document(doc->doc);
    })
}

int cx_database_replace_document(cx_database *db, cx_docid did, const cx_document *doc, cx_error **err) {
    CX_GUARD(0, {
        CX_NEED_WRITABLE(db)
        db->wdb.replace_document(did, doc->doc);
        return 1;
    })
}

int cx_database_delete_by_term(cx_database *db, const char *unique_term, cx_error **err) {
    CX_GUARD(0, {
        CX_NEED_WRITABLE(db)
        db->wdb.delete_document(unique_term);
        return 1;
    })
}

int cx_database_commit(cx_database *db, cx_error **err) {
    CX_GUARD(0, { CX_NEED_WRITABLE(db) db->wdb.commit(); return 1; })
}

int cx_database_begin_transaction(cx_database *db, int flushed, cx_error **err) {
    CX_GUARD(0, { CX_NEED_WRITABLE(db) db->wdb.begin_transaction(flushed != 0); return 1; })
}

int cx_database_commit_transaction(cx_database *db, cx_error **err) {
    CX_GUARD(0, { CX_NEED_WRITABLE(db) db->wdb.commit_transaction(); return 1; })
}

int cx_database_cancel_transaction(cx_database *db, cx_error **err) {
    CX_GUARD(0, { CX_NEED_WRITABLE(db) db->wdb.cancel_transaction(); return 1; })
}

int cx_database_add_spelling(cx_database *db, const char *word, uint32_t freqinc, cx_error **err) {
    CX_GUARD(0, { CX_NEED_WRITABLE(db) db->wdb.add_spelling(word, freqinc); return 1; })
}

int cx_database_add_synonym(cx_database *db, const char *term, const char *synonym,
                            cx_error **err) {
    CX_GUARD(0, { CX_NEED_WRITABLE(db) db->wdb.add_synonym(term, synonym); return 1; })
}

int cx_database_clear_synonyms(cx_database *db, const char *term, cx_error **err) {
    CX_GUARD(0, { CX_NEED_WRITABLE(db) db->wdb.clear_synonyms(term); return 1; })
}

int cx_database_spellings(const cx_database *db, cx_term_callback cb, void *ctx, cx_error **err) {
    CX_GUARD(0, {
        const Xapian::Database &d = db->read();
        for (auto it = d.spellings_begin(); it != d.spellings_end(); ++it) {
            const std::string t = *it;
            if (!cb(ctx, t.data(), t.size(), it.get_termfreq())) break;
        }
        return 1;
    })
}

int cx_database_synonyms(const cx_database *db, const char *term, cx_term_callback cb,
                         void *ctx, cx_error **err) {
    CX_GUARD(0, {
        const Xapian::Database &d = db->read();
        for (auto it = d.synonyms_begin(term); it != d.synonyms_end(term); ++it) {
            const std::string t = *it;
            if (!cb(ctx, t.data(), t.size(), 0)) break;
        }
        return 1;
    })
}

char *cx_database_spelling_suggestion(const cx_database *db, const char *word,
                                      unsigned max_edit_distance, cx_error **err) {
    CX_GUARD(nullptr, {
        return dup_bytes(db->read().get_spelling_suggestion(word, max_edit_distance));
    })
}

int cx_database_close(cx_database *db, cx_error **err) {
    CX_GUARD(0, { db->read().close(); return 1; })
}

/* ---- documents ---- */

cx_document *cx_document_new(void) { return new cx_document; }
void cx_document_free(cx_document *doc) { delete doc; }

int cx_document_set_data(cx_document *doc, const char *data, size_t len, cx_error **err) {
    CX_GUARD(0, { doc->doc.set_data(std::string(data, len)); return 1; })
}

char *cx_document_get_data(const cx_document *doc, size_t *len, cx_error **err) {
    CX_GUARD(nullptr, { return dup_bytes(doc->doc.get_data(), len); })
}

int cx_document_add_term(cx_document *doc, const char *term, uint32_t wdfinc, cx_error **err) {
    CX_GUARD(0, { doc->doc.add_term(term, wdfinc); return 1; })
}

int cx_document_add_boolean_term(cx_document *doc, const char *term, cx_error **err) {
    CX_GUARD(0, { doc->doc.add_boolean_term(term); return 1; })
}

int cx_document_add_posting(cx_document *doc, const char *term, uint32_t pos, uint32_t wdfinc,
                            cx_error **err) {
    CX_GUARD(0, { doc->doc.add_posting(term, pos, wdfinc); return 1; })
}

int cx_document_add_value(cx_document *doc, unsigned slot, const char *value, size_t len,
                          cx_error **err) {
    CX_GUARD(0, { doc->doc.add_value(slot, std::string(value, len)); return 1; })
}

char *cx_document_get_value(const cx_document *doc, unsigned slot, size_t *len, cx_error **err) {
    CX_GUARD(nullptr, { return dup_bytes(doc->doc.get_value(slot), len); })
}

cx_docid cx_document_docid(const cx_document *doc) {
    try { return doc->doc.get_docid(); } catch (...) { return 0; }
}

int cx_document_terms(const cx_document *doc, cx_term_callback cb, void *ctx, cx_error **err) {
    CX_GUARD(0, {
        for (auto it = doc->doc.termlist_begin(); it != doc->doc.termlist_end(); ++it) {
            const std::string t = *it;
            if (!cb(ctx, t.data(), t.size(), it.get_wdf())) break;
        }
        return 1;
    })
}

/* The words a document adds to the spelling dictionary: each unprefixed term (prefixes are
   upper-case ASCII) with its wdf less the wdf of the same word under title_prefix, where it
   counts positive. Packed as word NUL wdf (4 bytes, little-endian) ...; free with cx_string_free.
   Done here so the thousand terms of a document never become strings on the Swift side. */
char *cx_document_spelling_counts(const cx_document *doc, const char *title_prefix, size_t *len, cx_error **err) {
    CX_GUARD(nullptr, {
        const std::string prefix(title_prefix);
        std::unordered_map<std::string, Xapian::termcount> title;
        std::string packed;
        auto end = doc->doc.termlist_end();
        if (!prefix.empty()) {
            auto it = doc->doc.termlist_begin();
            for (it.skip_to(prefix); it != end; ++it) {
                const std::string t = *it;
                if (t.compare(0, prefix.size(), prefix) != 0) break;
                title[t.substr(prefix.size())] = it.get_wdf();
            }
        }
        for (auto it = doc->doc.termlist_begin(); it != end; ++it) {
            const std::string t = *it;
            if (t.empty() || (t[0] >= 'A' && t[0] <= 'Z')) continue;
            Xapian::termcount wdf = it.get_wdf();
            auto found = title.find(t);
            if (found != title.end()) wdf = wdf > found->second ? wdf - found->second : 0;
            if (wdf == 0) continue;
            packed.append(t);
            packed.push_back('\0');
            for (int shift = 0; shift < 32; shift += 8) packed.push_back(static_cast<char>((wdf >> shift) & 0xFF));
        }
        return dup_bytes(packed, len);
    })
}

/* Adds what cx_document_spelling_counts packed. */
int cx_database_add_spelling_counts(cx_database *db, const char *packed, size_t len, cx_error **err) {
    CX_GUARD(0, {
        CX_NEED_WRITABLE(db)
        size_t i = 0;
        while (i < len) {
            const char *word = packed + i;
            size_t wordLength = std::strlen(word);
            i += wordLength + 1;
            if (i + 4 > len) break;
            uint32_t wdf = 0;
            for (int k = 0; k < 4; ++k) wdf |= static_cast<uint32_t>(static_cast<unsigned char>(packed[i + k])) << (8 * k);
            i += 4;
            db->wdb.add_spelling(std::string(word, wordLength), wdf);
        }
        return 1;
    })
}

/* ---- indexing text ---- */

cx_termgenerator *cx_termgenerator_new(const char *language, cx_error **err) {
    CX_GUARD(nullptr, {
        auto *t = new cx_termgenerator;
        try { t->tg.set_stemmer(make_stemmer(language)); } catch (...) { delete t; throw; }
        return t;
    })
}

void cx_termgenerator_free(cx_termgenerator *tg) { delete tg; }

void cx_termgenerator_set_document(cx_termgenerator *tg, cx_document *doc) {
    tg->tg.set_document(doc->doc);
    tg->tg.set_termpos(0);
}

void cx_termgenerator_release_document(cx_termgenerator *tg) { tg->tg.set_document(tg->unattached); }

int cx_termgenerator_holds(const cx_termgenerator *tg, const cx_document *doc) {
    return tg->tg.get_document().internal.get() == doc->doc.internal.get();
}

int cx_termgenerator_set_database(cx_termgenerator *tg, cx_database *db, cx_error **err) {
    CX_GUARD(0, {
        CX_NEED_WRITABLE(db)
        tg->tg.set_database(db->wdb);
        tg->tg.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
        return 1;
    })
}

void cx_termgenerator_set_stemming_strategy(cx_termgenerator *tg, int strategy) {
    tg->tg.set_stemming_strategy(strategy == 0   ? Xapian::TermGenerator::STEM_NONE
                                 : strategy == 2 ? Xapian::TermGenerator::STEM_ALL
                                                 : Xapian::TermGenerator::STEM_SOME);
}

int cx_termgenerator_index_text(cx_termgenerator *tg, const char *text, uint32_t wdfinc,
                                const char *prefix, cx_error **err) {
    CX_GUARD(0, { tg->tg.index_text(text, wdfinc, prefix ? prefix : ""); return 1; })
}

int cx_termgenerator_index_text_without_positions(cx_termgenerator *tg, const char *text,
                                                  uint32_t wdfinc, const char *prefix,
                                                  cx_error **err) {
    CX_GUARD(0, {
        tg->tg.index_text_without_positions(text, wdfinc, prefix ? prefix : "");
        return 1;
    })
}

void cx_termgenerator_increase_termpos(cx_termgenerator *tg, uint32_t delta) {
    tg->tg.increase_termpos(delta);
}

uint32_t cx_termgenerator_termpos(const cx_termgenerator *tg) { return tg->tg.get_termpos(); }

/* ---- stemming ---- */

struct cx_stemmer { Xapian::Stem stem; };

cx_stemmer *cx_stemmer_new(const char *language, cx_error **err) {
    CX_GUARD(nullptr, { return new cx_stemmer{make_stemmer(language)}; })
}

char *cx_stemmer_stem(const cx_stemmer *s, const char *word, cx_error **err) {
    CX_GUARD(nullptr, { return dup_bytes(s->stem(word)); })
}

void cx_stemmer_free(cx_stemmer *s) { delete s; }

/* ---- queries ---- */

cx_query *cx_query_term(const char *term, uint32_t wqf) {
    return new cx_query{Xapian::Query(term, wqf ? wqf : 1)};
}

cx_query *cx_query_match_all(void) { return new cx_query{Xapian::Query::MatchAll}; }

cx_query *cx_query_value_range(unsigned slot, const char *lo, const char *hi) {
    return new cx_query{Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo, hi)};
}

cx_query *cx_query_combine(int op, const cx_query *a, const cx_query *b) {
    return new cx_query{Xapian::Query(to_op(op), a->q, b->q)};
}

cx_query *cx_query_terms(int op, const char *const *terms, size_t count) {
    std::vector<std::string> v(terms, terms + count);
    return new cx_query{Xapian::Query(to_op(op), v.begin(), v.end())};
}

cx_query *cx_query_scale(const cx_query *q, double factor) {
    return new cx_query{Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q->q, factor)};
}

int cx_query_is_empty(const cx_query *q) { return q->q.empty() ? 1 : 0; }

char *cx_query_description(const cx_query *q) { return dup_bytes(q->q.get_description()); }

int cx_query_terms_each(const cx_query *q, cx_term_callback cb, void *ctx) {
    try {
        for (auto it = q->q.get_unique_terms_begin(); it != q->q.get_unique_terms_end(); ++it) {
            const std::string t = *it;
            if (!cb(ctx, t.data(), t.size(), 0)) break;
        }
        return 1;
    } catch (...) { return 0; }
}

void cx_query_free(cx_query *q) { delete q; }

namespace {
// Matches every document of the shards whose UUIDs it holds, and none of the others: a filter
// that lets a match over all shards (so with the statistics of all of them, and the same
// weights) look at some shards only. Xapian clones a posting source for each shard of a
// multi-database and initialises the clone with that shard alone.
struct ShardFilter : Xapian::PostingSource {
    std::set<std::string> uuids;
    bool inside = false;
    Xapian::docid current = 0, last = 0;
    Xapian::doccount count = 0;

    explicit ShardFilter(std::set<std::string> u) : uuids(std::move(u)) {}
    Xapian::PostingSource *clone() const override { return new ShardFilter(uuids); }
    void init(const Xapian::Database &shard) override {
        inside = uuids.count(shard.get_uuid()) > 0;
        current = 0;
        last = inside ? shard.get_lastdocid() : 0;
        count = inside ? shard.get_doccount() : 0;
    }
    // Every docid up to the last is offered, deleted ones too: the filter is ANDed with the
    // query, whose own posting lists hold only documents that exist.
    Xapian::doccount get_termfreq_min() const override { return count; }
    Xapian::doccount get_termfreq_est() const override { return count; }
    Xapian::doccount get_termfreq_max() const override { return count; }
    void next(double) override { ++current; }
    void skip_to(Xapian::docid did, double) override { if (did > current) current = did; }
    bool at_end() const override { return current > last; }
    Xapian::docid get_docid() const override { return current; }
    std::string name() const override { return "arkiv::ShardFilter"; }
};
}

cx_query *cx_query_within_shards(const cx_query *q, const char *const *uuids, size_t count) {
    std::set<std::string> set(uuids, uuids + count);
    // release(): the query owns the source and deletes it with the last reference.
    Xapian::Query filter((new ShardFilter(std::move(set)))->release());
    return new cx_query{Xapian::Query(Xapian::Query::OP_FILTER, q->q, filter)};
}

cx_query *cx_query_copy(const cx_query *q, cx_error **err) {
    CX_GUARD(nullptr, { return new cx_query{Xapian::Query::unserialise(q->q.serialise())}; })
}

cx_queryparser *cx_queryparser_new(void) { return new cx_queryparser; }
void cx_queryparser_free(cx_queryparser *qp) { delete qp; }

int cx_queryparser_set_stemmer(cx_queryparser *qp, const char *language, cx_error **err) {
    CX_GUARD(0, { qp->qp.set_stemmer(make_stemmer(language)); return 1; })
}

void cx_queryparser_set_stemming_strategy(cx_queryparser *qp, int strategy) {
    qp->qp.set_stemming_strategy(strategy == 0   ? Xapian::QueryParser::STEM_NONE
                                 : strategy == 2 ? Xapian::QueryParser::STEM_ALL
                                                 : Xapian::QueryParser::STEM_SOME);
}

void cx_queryparser_set_database(cx_queryparser *qp, const cx_database *db) {
    qp->qp.set_database(db->read());
}

void cx_queryparser_set_default_op(cx_queryparser *qp, int op) {
    qp->qp.set_default_op(to_op(op));
}

int cx_queryparser_add_prefix(cx_queryparser *qp, const char *field, const char *prefix,
                              cx_error **err) {
    CX_GUARD(0, { qp->qp.add_prefix(field, prefix); return 1; })
}

namespace {
// `field:value` as the single weighted term prefix+value: lets a query name a term the
// indexer made from several words (a multi-word synonym), which no tokeniser would produce.
struct WholeTermField : Xapian::FieldProcessor {
    std::string prefix;
    explicit WholeTermField(std::string p) : prefix(std::move(p)) {}
    Xapian::Query operator()(const std::string &value) override { return Xapian::Query(prefix + value); }
};
}

int cx_queryparser_add_term_field(cx_queryparser *qp, const char *field, const char *prefix,
                                  cx_error **err) {
    CX_GUARD(0, {
        // The QueryParser keeps a reference-counted pointer once release()d.
        auto *fp = new WholeTermField(prefix);
        qp->qp.add_prefix(field, fp->release());
        return 1;
    })
}

int cx_queryparser_add_boolean_prefix(cx_queryparser *qp, const char *field, const char *prefix,
                                      const char *group, cx_error **err) {
    CX_GUARD(0, {
        if (group) {
            std::string g(group);
            qp->qp.add_boolean_prefix(field, prefix, &g);
        } else {
            qp->qp.add_boolean_prefix(field, prefix);
        }
        return 1;
    })
}

int cx_queryparser_add_rangeprocessor(cx_queryparser *qp, unsigned slot, const char *field,
                                      cx_error **err) {
    CX_GUARD(0, {
        // The QueryParser keeps a reference-counted pointer once release()d.
        auto *rp = new Xapian::RangeProcessor(slot, std::string(field) + ":");
        qp->qp.add_rangeprocessor(rp->release());
        return 1;
    })
}

cx_query *cx_queryparser_parse(cx_queryparser *qp, const char *query, unsigned flags,
                               const char *default_prefix, cx_error **err) {
    CX_GUARD(nullptr, {
        return new cx_query{qp->qp.parse_query(query, flags, default_prefix ? default_prefix : "")};
    })
}

char *cx_queryparser_corrected(const cx_queryparser *qp) {
    try { return dup_bytes(qp->qp.get_corrected_query_string()); } catch (...) { return dup_bytes(""); }
}

/* ---- search ---- */

cx_enquire *cx_enquire_new(const cx_database *db, cx_error **err) {
    CX_GUARD(nullptr, { return new cx_enquire(db->read()); })
}

void cx_enquire_free(cx_enquire *e) { delete e; }

void cx_enquire_set_query(cx_enquire *e, const cx_query *q) { e->enq.set_query(q->q); }

void cx_enquire_set_sort(cx_enquire *e, int slot, int reverse) {
    if (slot < 0) e->enq.set_sort_by_relevance();
    else e->enq.set_sort_by_value_then_relevance(static_cast<Xapian::valueno>(slot), reverse != 0);
}

void cx_enquire_set_collapse_key(cx_enquire *e, int slot) {
    e->enq.set_collapse_key(slot < 0 ? Xapian::BAD_VALUENO : static_cast<Xapian::valueno>(slot));
}

void cx_enquire_set_bm25(cx_enquire *e, double k1, double k2, double k3, double b,
                         double min_normlen) {
    e->enq.set_weighting_scheme(Xapian::BM25Weight(k1, k2, k3, b, min_normlen));
}

void cx_enquire_set_bool_weight(cx_enquire *e) { e->enq.set_weighting_scheme(Xapian::BoolWeight()); }

namespace {
// Xapian's BM25 with its default parameters, step for step as BM25Weight computes it, but with
// the whole archive's statistics: a match over some of an archive's shards then weighs every
// document exactly as a match over all of them. Xapian tells a weight its term's statistics in
// the database matched, not the term; so the archive's term frequency is looked up by the
// term's frequency and collection frequency here, which the caller has checked tell the query's
// terms apart. A term not in the table (a wildcard's expansion, say) fails the match, and the
// caller matches another way.
struct ArchiveBM25 : Xapian::Weight {
    using Table = std::map<std::pair<Xapian::doccount, Xapian::termcount>, Xapian::doccount>;
    std::shared_ptr<const Table> archive_termfreq;
    Xapian::doccount documents;
    double average_length;
    double termweight = 0, len_factor = 0;
    static constexpr double k1 = 1, k3 = 1, b = 0.5, min_normlen = 0.5;

    ArchiveBM25(std::shared_ptr<const Table> table, Xapian::doccount n, double avlen)
        : archive_termfreq(std::move(table)), documents(n), average_length(avlen) {
        need_stat(TERMFREQ);
        need_stat(COLLECTION_FREQ);
        need_stat(WDF);
        need_stat(DOC_LENGTH);
        need_stat(WDF_MAX);
        need_stat(DOC_LENGTH_MIN);
        need_stat(WQF);
    }
    ArchiveBM25 *clone() const override { return new ArchiveBM25(archive_termfreq, documents, average_length); }
    std::string name() const override { return "arkiv::ArchiveBM25"; }
    void init(double factor) override {
        len_factor = average_length != 0 ? 1 / average_length : 0;
        // No postings here, or only boolean ones (wdf 0): every part it adds is 0 anyway.
        if (get_termfreq() == 0 || get_collection_freq() == 0) { termweight = 0; return; }
        auto found = archive_termfreq->find({get_termfreq(), get_collection_freq()});
        if (found == archive_termfreq->end()) throw Xapian::InvalidOperationError("arkiv: no archive statistics for a term");
        Xapian::doccount termfreq = found->second;
        double tw = (documents - termfreq + 0.5) / (termfreq + 0.5);
        if (tw < 2) tw = tw * 0.5 + 1;
        termweight = std::log(tw) * factor;
        double wqf = get_wqf();
        termweight *= (k3 + 1) * wqf / (k3 + wqf);
        termweight *= (k1 + 1);
    }
    double get_sumpart(Xapian::termcount wdf, Xapian::termcount len, Xapian::termcount) const override {
        double normlen = std::max(len * len_factor, min_normlen);
        double w = wdf;
        return termweight * (w / (k1 * (normlen * b + (1 - b)) + w));
    }
    // Bounds from this part of the archive: they only decide what the matcher may skip.
    double get_maxpart() const override {
        double normlen_lb = std::max(std::max(get_wdf_upper_bound(), get_doclength_lower_bound()) * len_factor, min_normlen);
        double wdf_max = get_wdf_upper_bound();
        return termweight * (wdf_max / (k1 * (normlen_lb * b + (1 - b)) + wdf_max));
    }
    double get_sumextra(Xapian::termcount, Xapian::termcount) const override { return 0; }
    double get_maxextra() const override { return 0; }
};
}

void cx_enquire_set_archive_bm25(cx_enquire *e, const uint32_t *local_termfreq, const uint64_t *local_collfreq,
                                 const uint32_t *archive_termfreq, size_t count, uint32_t documents, double average_length) {
    auto table = std::make_shared<ArchiveBM25::Table>();
    for (size_t i = 0; i < count; ++i) {
        (*table)[{local_termfreq[i], static_cast<Xapian::termcount>(local_collfreq[i])}] = archive_termfreq[i];
    }
    e->enq.set_weighting_scheme(ArchiveBM25(std::move(table), documents, average_length));
}

uint64_t cx_database_collection_freq(const cx_database *db, const char *term, cx_error **err) {
    CX_GUARD(0, { return db->read().get_collection_freq(term); })
}

namespace {
bool weighs_its_terms_alone(const Xapian::Query &q) {
    using Q = Xapian::Query;
    switch (q.get_type()) {
        case Q::LEAF_TERM: case Q::LEAF_MATCH_ALL: case Q::LEAF_MATCH_NOTHING:
        case Q::OP_AND: case Q::OP_OR: case Q::OP_AND_NOT: case Q::OP_XOR: case Q::OP_AND_MAYBE:
        case Q::OP_FILTER: case Q::OP_NEAR: case Q::OP_PHRASE: case Q::OP_SCALE_WEIGHT:
        case Q::OP_VALUE_RANGE: case Q::OP_VALUE_GE: case Q::OP_VALUE_LE:
            break;
        default:
            return false;  // wildcards and synonyms weigh terms found while matching; elite sets pick by bounds
    }
    for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
        if (!weighs_its_terms_alone(q.get_subquery(i))) return false;
    }
    return true;
}
}

int cx_query_weighs_its_terms_alone(const cx_query *q) { return weighs_its_terms_alone(q->q) ? 1 : 0; }

void cx_enquire_clear_spies(cx_enquire *e) { e->enq.clear_matchspies(); }

cx_mset *cx_enquire_get_mset(cx_enquire *e, uint32_t first, uint32_t max, uint32_t checkatleast,
                             const cx_rset *rset, cx_error **err) {
    CX_GUARD(nullptr, {
        Xapian::MSet m = e->enq.get_mset(first, max, checkatleast, rset ? &rset->rset : nullptr);
        return new cx_mset{m, e->enq};
    })
}

int cx_enquire_expand(cx_enquire *e, const cx_rset *rset, uint32_t max, const char *prefix,
                      int (*cb)(void *ctx, const char *term, size_t len, double weight),
                      void *ctx, cx_error **err) {
    CX_GUARD(0, {
        // Only terms with the wanted prefix (e.g. none: plain words) are suggested.
        struct PrefixDecider : Xapian::ExpandDecider {
            std::string prefix;
            bool operator()(const std::string &term) const override {
                if (prefix.empty()) return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
                return term.compare(0, prefix.size(), prefix) == 0;
            }
        } decider;
        decider.prefix = prefix ? prefix : "";
        Xapian::ESet eset = e->enq.get_eset(max, rset->rset, &decider);
        for (auto it = eset.begin(); it != eset.end(); ++it) {
            const std::string t = *it;
            if (!cb(ctx, t.data(), t.size(), it.get_weight())) break;
        }
        return 1;
    })
}

uint32_t cx_mset_size(const cx_mset *m) { return m->mset.size(); }
uint32_t cx_mset_matches_estimated(const cx_mset *m) { return m->mset.get_matches_estimated(); }
uint32_t cx_mset_matches_lower_bound(const cx_mset *m) { return m->mset.get_matches_lower_bound(); }
uint32_t cx_mset_matches_upper_bound(const cx_mset *m) { return m->mset.get_matches_upper_bound(); }
cx_docid cx_mset_docid(const cx_mset *m, uint32_t i) { return *m->mset[i]; }
char *cx_mset_sort_key(const cx_mset *m, uint32_t i, size_t *len) { return dup_bytes(m->mset[i].get_sort_key(), len); }
double cx_mset_weight(const cx_mset *m, uint32_t i) { return m->mset[i].get_weight(); }

uint32_t cx_mset_termfreq(const cx_mset *m, const char *term, size_t len, cx_error **err) {
    CX_GUARD(0, { return m->mset.get_termfreq(std::string(term, len)); })
}

cx_document *cx_mset_document(const cx_mset *m, uint32_t i, cx_error **err) {
    CX_GUARD(nullptr, { return new cx_document{m->mset[i].get_document()}; })
}

int cx_mset_fetch(const cx_mset *m, cx_error **err) {
    // Not fetch(): in Xapian 1.4.22 it reads past the hits when the MSet starts at an offset
    // (page 2 and on crashed); the iterator form covers exactly this MSet's hits.
    CX_GUARD(0, { m->mset.fetch(m->mset.begin(), m->mset.end()); return 1; })
}

char *cx_mset_snippet(const cx_mset *m, const char *text, size_t length, const char *language,
                      const char *hi_start, const char *hi_end, const char *omit,
                      unsigned flags, cx_error **err) {
    CX_GUARD(nullptr, {
        return dup_bytes(m->mset.snippet(text, length, make_stemmer(language), flags, hi_start,
                                         hi_end, omit));
    })
}

void cx_mset_free(cx_mset *m) { delete m; }

cx_rset *cx_rset_new(void) { return new cx_rset; }
void cx_rset_add(cx_rset *r, cx_docid did) { r->rset.add_document(did); }
void cx_rset_free(cx_rset *r) { delete r; }

// Counting the entries of a multi-valued slot. Over remote shards only Xapian's own
// ValueCountMatchSpy can run (xapian-tcpsrv knows only the built-in spies), and it counts whole
// values, which the caller then splits. A facet slot's whole value is nearly unique per
// document, so that spy keeps an ordered map of a couple of thousand long strings per
// answer and the split walks them all again: a quarter of a search answer's time at 100,000
// documents. On local databases EntryCountSpy splits while matching instead, into a hash map
// of the few hundred entries there are. Both give the same counts.
namespace {
class EntryCountSpy : public Xapian::MatchSpy {
  public:
    EntryCountSpy(Xapian::valueno slot, char separator) : slot_(slot), separator_(separator) {}

    void operator()(const Xapian::Document &doc, double) override {
        ++total_;
        const std::string value = doc.get_value(slot_);
        const std::string_view all(value);
        seen_.clear();
        size_t start = 0;
        while (start <= all.size()) {
            size_t end = all.find(separator_, start);
            if (end == std::string_view::npos) end = all.size();
            if (end > start) {
                const std::string_view entry = all.substr(start, end - start);
                if (std::find(seen_.begin(), seen_.end(), entry) == seen_.end()) {
                    seen_.push_back(entry);
                    key_.assign(entry);
                    ++counts_[key_];
                }
            }
            start = end + 1;
        }
    }

    const std::unordered_map<std::string, Xapian::doccount> &counts() const { return counts_; }
    Xapian::doccount total() const { return total_; }

  private:
    Xapian::valueno slot_;
    char separator_;
    Xapian::doccount total_ = 0;
    std::unordered_map<std::string, Xapian::doccount> counts_;
    std::vector<std::string_view> seen_;  // entries of the current document (a handful)
    std::string key_;                     // reused, so a lookup allocates only for a new entry
};
}  // namespace

struct cx_valuecountspy {
    Xapian::valueno slot;
    char separator;  // 0: single-valued
    std::unique_ptr<Xapian::ValueCountMatchSpy> whole;
    std::unique_ptr<EntryCountSpy> entries;
};

cx_valuecountspy *cx_valuecountspy_new(unsigned slot, char separator) {
    auto *spy = new cx_valuecountspy{slot, separator, nullptr, nullptr};
    return spy;
}

void cx_enquire_add_valuecount_spy(cx_enquire *e, cx_valuecountspy *spy, int local) {
    if (spy->separator != 0 && local) {
        if (!spy->entries) spy->entries.reset(new EntryCountSpy(spy->slot, spy->separator));
        e->enq.add_matchspy(spy->entries.get());
    } else {
        if (!spy->whole) spy->whole.reset(new Xapian::ValueCountMatchSpy(spy->slot));
        e->enq.add_matchspy(spy->whole.get());
    }
}

int cx_valuecountspy_counts(const cx_valuecountspy *spy, cx_term_callback cb, void *ctx) {
    try {
        if (spy->entries) {
            for (const auto &[entry, count] : spy->entries->counts()) {
                if (!cb(ctx, entry.data(), entry.size(), count)) return 1;
            }
        }
        if (!spy->whole) return 1;
        const Xapian::ValueCountMatchSpy &s = *spy->whole;
        if (spy->separator == 0) {
            for (auto it = s.values_begin(); it != s.values_end(); ++it) {
                const std::string v = *it;
                if (!cb(ctx, v.data(), v.size(), it.get_termfreq())) return 1;
            }
            return 1;
        }
        // Whole values "a<sep>b<sep>c" from the built-in spy: each entry once per value.
        std::map<std::string, Xapian::doccount> counts;
        std::vector<std::string> seen;
        for (auto it = s.values_begin(); it != s.values_end(); ++it) {
            const std::string v = *it;
            seen.clear();
            size_t start = 0;
            while (start <= v.size()) {
                size_t end = v.find(spy->separator, start);
                if (end == std::string::npos) end = v.size();
                if (end > start) {
                    std::string entry = v.substr(start, end - start);
                    if (std::find(seen.begin(), seen.end(), entry) == seen.end()) {
                        counts[entry] += it.get_termfreq();
                        seen.push_back(std::move(entry));
                    }
                }
                start = end + 1;
            }
        }
        for (const auto &[entry, count] : counts) {
            if (!cb(ctx, entry.data(), entry.size(), count)) break;
        }
        return 1;
    } catch (...) { return 0; }
}

uint32_t cx_valuecountspy_total(const cx_valuecountspy *spy) {
    try {
        return (spy->entries ? spy->entries->total() : 0) + (spy->whole ? spy->whole->get_total() : 0);
    } catch (...) { return 0; }
}

void cx_valuecountspy_free(cx_valuecountspy *spy) { delete spy; }

}  // extern "C"
