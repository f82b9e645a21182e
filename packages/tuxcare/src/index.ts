// Work in progress (issue 3): the catalog, codec and client are being written; nothing is exported yet.
export {};
