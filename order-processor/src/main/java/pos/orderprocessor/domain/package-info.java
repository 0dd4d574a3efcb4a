/**
 * The placement deadline, in plain Java: no framework, no messaging, no clock (time comes in as a parameter).
 */
package pos.orderprocessor.domain;
