-- A filtered browse walks the list of its most selective facet (every
-- campaign asking for volunteers) in the sort's order, rather than every
-- document: the facet rows carry their document's sort keys, kept equal
-- to search_docs' by the index writer, with one index per sort.
ALTER TABLE search_doc_facets ADD COLUMN ends_unix BIGINT NOT NULL DEFAULT 0;
ALTER TABLE search_doc_facets ADD COLUMN published_unix BIGINT NOT NULL DEFAULT 0;
ALTER TABLE search_doc_facets ADD COLUMN need_bp INTEGER NOT NULL DEFAULT 0;
UPDATE search_doc_facets SET ends_unix = d.ends_unix, published_unix = d.published_unix, need_bp = d.need_bp
    FROM search_docs d WHERE d.id = search_doc_facets.doc;
CREATE INDEX search_doc_facets_newest ON search_doc_facets (facet, value, published_unix, doc);
CREATE INDEX search_doc_facets_ending ON search_doc_facets (facet, value, ends_unix, doc);
CREATE INDEX search_doc_facets_needed ON search_doc_facets (facet, value, need_bp, doc);
