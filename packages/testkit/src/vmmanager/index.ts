// The vmmanager simulator lives in this folder; its public API is exported from here.
export {};
