package dev.aidgraph.neo4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
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
 *
 * Other modes work on the same data directory while no database runs on it, through the
 * neo4j-admin commands that ship in the org.neo4j:neo4j artifact (AdminTool), so the files they
 * read and write are Neo4j's own formats:
 *   dump FILE     the user database `neo4j` into FILE (neo4j-admin database dump)
 *   load FILE     FILE (a dump) into `neo4j`, replacing it (neo4j-admin database load)
 *   import DIR    the CSV files DIR/nodes-*.csv and DIR/relationships-*.csv (header on the first
 *                 line) into `neo4j`, replacing it (neo4j-admin database import full)
 * Each prints "AIDGRAPH_NEO4J_DONE <mode>" on success and exits with the admin command's code.
 */
public final class Launcher {
    private Launcher() {}

    /** The one user database of Community Edition. */
    private static final String DATABASE = "neo4j";
    /**
     * Array items in the import CSV are separated by the unit separator (U+001F): it cannot be
     * mistaken for text that a record holds (the writer refuses values containing it).
     */
    private static final String ARRAY_DELIMITER = "U+001F";

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "serve" : args[0];
        switch (mode) {
            case "serve" -> serve();
            case "dump" -> System.exit(dump(Path.of(argument(args, 1, "dump FILE")).toAbsolutePath()));
            case "load" -> System.exit(load(Path.of(argument(args, 1, "load FILE")).toAbsolutePath()));
            case "import" -> System.exit(importCsv(Path.of(argument(args, 1, "import DIR")).toAbsolutePath()));
            default -> {
                System.err.println("AIDGRAPH_NEO4J_ERROR unknown mode " + mode + " (serve, dump FILE, load FILE, import DIR)");
                System.exit(2);
            }
        }
    }

    private static String argument(String[] args, int index, String usage) {
        if (args.length <= index) {
            System.err.println("AIDGRAPH_NEO4J_ERROR usage: " + usage);
            System.exit(2);
        }
        return args[index];
    }

    private static Path home() {
        return Path.of(required(System.getenv(), "NEO4J_DATA_DIR")).toAbsolutePath();
    }

    /**
     * Runs one neo4j-admin command against the data directory. The embedded database keeps its
     * files where the admin commands expect them under a Neo4j home (data/databases,
     * data/transactions), so the data directory serves as both home and configuration folder.
     */
    private static int admin(String... command) {
        Path home = home();
        System.out.println("aidgraph: neo4j-admin " + String.join(" ", command));
        System.out.flush();
        int code = AdminTool.execute(new ExecutionContext(home, home.resolve("conf")), command);
        if (code == 0) {
            System.out.println("AIDGRAPH_NEO4J_DONE " + command[1]);
        } else {
            System.err.println("AIDGRAPH_NEO4J_ERROR neo4j-admin database " + command[1] + " failed with code " + code);
        }
        System.out.flush();
        return code;
    }

    /** Dumps into a fresh folder beside FILE, then moves the archive into place: FILE is never half-written. */
    private static int dump(Path file) throws IOException {
        Path parent = file.getParent();
        Files.createDirectories(parent);
        Path work = Files.createTempDirectory(parent, ".aidgraph-dump-");
        try {
            int code = admin("database", "dump", DATABASE, "--to-path=" + work);
            if (code == 0) {
                Files.move(work.resolve(DATABASE + ".dump"), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return code;
        } finally {
            deleteTree(work);
        }
    }

    /** The load command reads DIR/neo4j.dump: FILE is linked (or copied) into a fresh folder under that name. */
    private static int load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            System.err.println("AIDGRAPH_NEO4J_ERROR no dump file at " + file);
            return 2;
        }
        Path work = Files.createTempDirectory(home(), ".aidgraph-load-");
        try {
            Path archive = work.resolve(DATABASE + ".dump");
            try {
                Files.createLink(archive, file);
            } catch (IOException | UnsupportedOperationException e) {
                // Another file system: a copy does as well.
                Files.copy(file, archive);
            }
            return admin("database", "load", DATABASE, "--from-path=" + work, "--overwrite-destination=true");
        } finally {
            deleteTree(work);
        }
    }

    private static int importCsv(Path dir) throws IOException {
        List<String> command = new ArrayList<>(List.of("database", "import", "full", DATABASE));
        int files = 0;
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path file : entries.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".csv")) continue;
                if (name.startsWith("nodes-")) command.add("--nodes=" + file);
                else if (name.startsWith("relationships-")) command.add("--relationships=" + file);
                else continue;
                files++;
            }
        }
        if (files == 0) {
            System.err.println("AIDGRAPH_NEO4J_ERROR no nodes-*.csv or relationships-*.csv in " + dir);
            return 2;
        }
        int threads = Integer.parseInt(System.getenv().getOrDefault("NEO4J_IMPORT_THREADS",
                String.valueOf(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())))));
        command.addAll(List.of(
                "--overwrite-destination=true",
                // Descriptions and notes may span lines.
                "--multiline-fields=true",
                "--array-delimiter=" + ARRAY_DELIMITER,
                "--threads=" + threads,
                // Any bad row fails the import: the rows were validated, so one is a bug to see.
                "--bad-tolerance=0",
                "--report-file=" + dir.resolve("import.report")));
        return admin(command.toArray(String[]::new));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private static void serve() throws Exception {
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
