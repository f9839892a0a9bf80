/**
 * The class of a cell or element showing a part number: one token, never broken at its hyphens
 * or slashes (`white-space: nowrap; word-break: keep-all`, app/app.css). Give it to the column
 * (`cellsClassName`) or the element.
 */
export const partNumberClass = 'app-part-number';
