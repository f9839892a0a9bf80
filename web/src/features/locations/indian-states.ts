/**
 * The states and union territories the API accepts, from the server's own list: one source, so
 * the State select can never offer a spelling the API refuses.
 */
export { indianStates, type IndianState } from '../../../../src/platform/geo/indian-states';
