package io.headwater.devstack;

import java.util.Arrays;

/**
 * The tools image's entrypoint: {@code topics check|apply ...} and {@code keys ...} against any cluster, with the
 * same KAFKA_* settings as the services (the chart's Jobs run {@code topics apply} and {@code keys ensure}).
 */
public final class Tools {

    private Tools() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 ? args[0] : "help";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (command) {
            case "topics" -> TopicsCommand.main(rest);
            case "keys" -> KeysCommand.main(rest);
            default -> {
                System.err.println("usage: topics check|apply [--partitions N] [--replication-factor R] [--allow-partition-increase]\n"
                        + "       keys new | keys create --role R ... | keys ensure --role R --token-file F");
                System.exit(command.equals("help") ? 0 : 2);
            }
        }
    }
}
