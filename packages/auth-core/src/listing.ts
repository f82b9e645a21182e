/** The JSON Schema keyword that carries a field's compact listing schema (see {@link listedAs}). */
export const LISTED_AS = 'x-listed-as';
