/** How the processors' local state stores (RocksDB) use memory. */
package pos.streams.state;
