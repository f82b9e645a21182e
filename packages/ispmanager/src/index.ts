// Work in progress (issue 5): the catalog, codec and client are being written; nothing is exported yet.
export {};
