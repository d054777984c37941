package io.headwater.kafka.streams;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

import java.util.Map;

/**
 * One block cache and one memtable budget shared by every RocksDB store of the process, as Kafka Streams' memory
 * guide recommends. The default gives each store its own 50 MiB cache and three 16 MiB memtables: a query-service
 * with fifteen stores may take most of a gigabyte off-heap and still miss on a large graph, whose hot part then
 * reads from disk. Here the whole process gets {@value #CACHE_BYTES} bytes (default 256 MiB), a quarter of them
 * for memtables, index and filter blocks counted in it; the cache grows as it is used, so a small graph costs little.
 */
public class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** The streams config key sizing the shared cache, in bytes. */
    public static final String CACHE_BYTES = "headwater.rocksdb.cache-bytes";
    static final long DEFAULT_CACHE_BYTES = 256L * 1024 * 1024;

    private static Cache cache;
    private static WriteBufferManager writeBuffers;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(shared(bytes(configs.get(CACHE_BYTES))));
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinL0FilterAndIndexBlocksInCache(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(writeBuffers);
    }

    @Override
    public void close(String storeName, Options options) {
        // Shared by every store for the life of the process: not closed with one of them.
    }

    private static synchronized Cache shared(long bytes) {
        if (cache == null) {
            // A tenth of the cache is kept for index and filter blocks, so data blocks cannot push them out.
            cache = new LRUCache(bytes, -1, false, 0.1);
            writeBuffers = new WriteBufferManager(bytes / 4, cache);
        }
        return cache;
    }

    static long bytes(Object configured) {
        if (configured == null || configured.toString().isBlank()) {
            return DEFAULT_CACHE_BYTES;
        }
        long bytes = Long.parseLong(configured.toString().trim());
        if (bytes < 16L * 1024 * 1024) {
            throw new IllegalArgumentException(CACHE_BYTES + " must be at least 16 MiB (16777216), was " + bytes);
        }
        return bytes;
    }
}
