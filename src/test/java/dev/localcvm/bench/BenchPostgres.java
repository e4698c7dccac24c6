package dev.localcvm.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.Statement;

/**
 * An embedded PostgreSQL for {@code localcvm bench --db-url ...}, so that the load command's scenarios can be
 * measured on PostgreSQL without installing one (run it through {@code bench/postgres}). It prints one line,
 * {@code jdbc:postgresql://127.0.0.1:PORT/cvm postgres postgres} (URL, user, password), and serves until its
 * stdin closes or the JVM is stopped (SIGTERM, Ctrl-C); a shutdown hook then stops the cluster and removes
 * its temporary directory.
 *
 * <p>Unlike the test suite's cluster, this one keeps PostgreSQL's durable defaults (fsync, synchronous_commit
 * and full_page_writes on): it measures what a user's server would do. {@code --port N} picks the port
 * (default: a free one).
 */
public final class BenchPostgres {
    private BenchPostgres() {
    }

    public static void main(String[] args) throws Exception {
        Integer port = null;
        if (args.length == 2 && args[0].equals("--port") && args[1].matches("[0-9]{1,5}")) {
            port = Integer.valueOf(args[1]);
        } else if (args.length != 0) {
            System.err.println("usage: BenchPostgres [--port N]");
            System.exit(2);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("max_connections", "300");
        if (port != null) {
            builder.setPort(port);
        }
        // The builder's own shutdown hook stops the cluster and removes its directory.
        EmbeddedPostgres pg = builder.start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE cvm");
        }
        System.out.println("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/cvm postgres postgres");
        System.out.flush();
        System.in.transferTo(OutputStream.nullOutputStream());
        System.exit(0);
    }
}
