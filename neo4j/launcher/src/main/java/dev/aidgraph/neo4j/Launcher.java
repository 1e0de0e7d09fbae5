package dev.aidgraph.neo4j;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community in this JVM with only the Bolt connector, on loopback.
 *
 * Settings come from environment variables so the Node wrapper (neo4j/embedded.ts) owns the
 * defaults: NEO4J_DATA_DIR, NEO4J_BOLT_PORT, NEO4J_PASSWORD, NEO4J_PAGECACHE (MiB),
 * NEO4J_TX_MEMORY (MiB). The heap is set with -Xmx by the wrapper.
 * Prints one line "AIDGRAPH_NEO4J_READY bolt://127.0.0.1:PORT" once Bolt accepts connections,
 * and shuts the database down cleanly on SIGTERM/SIGINT.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Path home = Path.of(required(env, "NEO4J_DATA_DIR")).toAbsolutePath();
        int port = Integer.parseInt(env.getOrDefault("NEO4J_BOLT_PORT", "7687"));
        String password = required(env, "NEO4J_PASSWORD");
        long pageCacheMiB = Long.parseLong(env.getOrDefault("NEO4J_PAGECACHE", "512"));
        long txMemoryMiB = Long.parseLong(env.getOrDefault("NEO4J_TX_MEMORY", "1024"));

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(txMemoryMiB))
                // Check transaction timeouts every 100 ms (default 2 s), so that a query is stopped
                // close to its timeout and the client gets the timeout error, not its own deadline.
                .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, java.time.Duration.ofMillis(100))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("AIDGRAPH_NEO4J_STOPPING");
            dbms.shutdown();
            stopped.countDown();
        }, "aidgraph-neo4j-shutdown"));

        // The built-in user starts with a password that must be changed; set ours, idempotently.
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to set the password it already has: that is the state we want.
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                throw e;
            }
        }

        System.out.println("AIDGRAPH_NEO4J_READY bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            System.err.println("AIDGRAPH_NEO4J_ERROR missing environment variable " + name);
            System.exit(2);
        }
        return value;
    }
}
