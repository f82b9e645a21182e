// Work in progress (issue 6): the catalog, codec and client are being written; nothing is exported yet.
export {};
