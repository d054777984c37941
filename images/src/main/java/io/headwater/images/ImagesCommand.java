package io.headwater.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./headwater images [--base local|<image>] [--push <registry>/<prefix>] [--out <dir>] [--tag <tag>] [<name> ...]}:
 * builds the images the chart pulls, without a container engine. By default from the local base (a runtime
 * made from this JDK, no registry needed) into tarballs under images/target/images, tagged with the chart's
 * appVersion so that chart and images agree.
 */
public final class ImagesCommand {

    private static final String USAGE = "usage: images [--base local|<image>] [--push <registry>/<prefix>] [--out <dir>] [--tag <tag>] [<name> ...]";

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("headwater.home", ".")).toAbsolutePath().normalize();
        String base = "local";
        String push = null;
        Path out = home.resolve("images/target/images");
        String tag = null;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = value(args, ++i);
                case "--push" -> push = value(args, ++i);
                case "--out" -> out = Path.of(value(args, ++i)).toAbsolutePath();
                case "--tag" -> tag = value(args, ++i);
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> names.add(args[i]);
            }
        }
        List<ServiceImage> images = select(ServiceImage.all(home), names);
        String version = tag != null ? tag : chartAppVersion(home);
        Path work = home.resolve("images/target");
        ImageBuilder.Base from = base.equals("local") ? new ImageBuilder.LocalTree(LocalBase.assemble(work, System.out))
                : new ImageBuilder.RegistryBase(base);
        ImageBuilder.Target to = push != null ? new ImageBuilder.Registry(push) : new ImageBuilder.Tarballs(out);
        ImageBuilder builder = new ImageBuilder(from, to, work.resolve("jib-cache"), System.out);
        for (ServiceImage image : images) {
            ImageBuilder.Built built;
            try {
                built = builder.build(image, version);
            } catch (Exception e) {
                Throwable cause = e;
                while (cause.getCause() != null && cause.getCause() != cause) {
                    cause = cause.getCause();
                }
                System.err.println("images: " + image.imageName() + " could not be built: " + cause
                        + (from instanceof ImageBuilder.RegistryBase ? " (is " + base + " reachable? --base local needs no registry)" : ""));
                System.exit(1);
                return;
            }
            String where = built.tarball().map(t -> String.format("%s (%d MB)", home.relativize(t), size(t) >> 20)).orElse("pushed");
            System.out.printf("images: %-36s %s  %s  in %.1f s%n", built.image(), built.digest(), where, built.took().toMillis() / 1000.0);
        }
        if (push == null) {
            System.out.println("images: load one with `docker load -i <tar>` or `podman load -i <tar>`, or copy it with `skopeo copy oci-archive:<tar> docker://<registry>/<name>:<tag>`");
        }
    }

    static List<ServiceImage> select(List<ServiceImage> all, List<String> names) {
        if (names.isEmpty()) {
            return all;
        }
        List<ServiceImage> chosen = new ArrayList<>();
        for (String name : names) {
            chosen.add(all.stream().filter(i -> i.name().equals(name) || i.imageName().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no image named " + name + "; there are "
                            + all.stream().map(ServiceImage::name).toList())));
        }
        return chosen;
    }

    /** The chart's appVersion: the tag its templates pull by default. */
    static String chartAppVersion(Path home) throws IOException {
        Matcher m = Pattern.compile("(?m)^appVersion:\\s*\"?([^\"\\s]+)\"?").matcher(Files.readString(home.resolve("helm/headwater/Chart.yaml")));
        if (!m.find()) {
            throw new IllegalStateException("helm/headwater/Chart.yaml has no appVersion");
        }
        return m.group(1);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(USAGE);
        }
        return args[i];
    }
}
