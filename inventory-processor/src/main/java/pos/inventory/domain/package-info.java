/**
 * The stock rules of a store, in plain Java: no framework, no messaging, no clock (time comes in as a parameter).
 * {@link pos.inventory.domain.StockLedger} decides every command; the topology only loads and saves state.
 */
package pos.inventory.domain;
