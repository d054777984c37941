package io.headwater.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** An OCI image archive read back as a container runtime reads it: index, manifest, config, and the files of its layers. */
final class OciArchive {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One file of the image's filesystem, as the last layer that holds it has it. */
    record File(String path, int mode, long uid, long gid, boolean directory, boolean symlink, byte[] content) {
        boolean writableBy(long user) {
            return (uid == user && (mode & 0200) != 0) || (mode & 0002) != 0;
        }
    }

    final JsonNode index;
    final JsonNode manifest;
    final JsonNode config;
    final List<String> layerNames = new ArrayList<>();
    final Map<String, File> files = new LinkedHashMap<>();
    private final Map<String, byte[]> blobs = new HashMap<>();

    private OciArchive(Path tarball) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                blobs.put(entry.getName(), tar.readAllBytes());
            }
        }
        index = JSON.readTree(blobs.get("index.json"));
        manifest = JSON.readTree(blob(blobs, index.path("manifests").get(0).path("digest").asText()));
        config = JSON.readTree(blob(blobs, manifest.path("config").path("digest").asText()));
        for (JsonNode layer : manifest.path("layers")) {
            readLayer(layer(layer));
        }
    }

    static OciArchive read(Path tarball) throws IOException {
        return new OciArchive(tarball);
    }

    private void readLayer(InputStream layer) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(layer)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String path = "/" + entry.getName().replaceAll("^\\./", "").replaceAll("/$", "");
                byte[] content = entry.isFile() && entry.getSize() < (1 << 20) ? tar.readAllBytes() : new byte[0];
                files.put(path, new File(path, entry.getMode() & 07777, entry.getLongUserId(), entry.getLongGroupId(), entry.isDirectory(),
                        entry.isSymbolicLink(), content));
            }
        }
    }

    private InputStream layer(JsonNode layer) throws IOException {
        return new GZIPInputStream(new ByteArrayInputStream(blob(blobs, layer.path("digest").asText())));
    }

    private static byte[] blob(Map<String, byte[]> blobs, String digest) {
        byte[] blob = blobs.get("blobs/" + digest.replace(':', '/'));
        if (blob == null) {
            throw new IllegalStateException("the archive has no blob " + digest);
        }
        return blob;
    }

    /** Unpacks the filesystem to {@code dir} with its modes, owners and directories, as a runtime's snapshotter does. */
    void unpack(Path dir) throws IOException {
        List<Object[]> owners = new ArrayList<>();
        for (JsonNode layer : manifest.path("layers")) {
            try (TarArchiveInputStream tar = new TarArchiveInputStream(layer(layer))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    Path target = dir.resolve(entry.getName().replaceAll("^/", "")).normalize();
                    if (!target.startsWith(dir)) {
                        throw new IOException("a layer entry escapes the image: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                    owners.add(new Object[]{target, entry.getLongUserId(), entry.getLongGroupId()});
                }
            }
        }
        for (Object[] owner : owners) {
            Path target = (Path) owner[0];
            Files.setAttribute(target, "unix:uid", (int) (long) (Long) owner[1]);
            Files.setAttribute(target, "unix:gid", (int) (long) (Long) owner[2]);
        }
    }

    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions(int mode) {
        StringBuilder s = new StringBuilder();
        String letters = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            s.append((mode & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-');
        }
        return java.nio.file.attribute.PosixFilePermissions.fromString(s.toString());
    }
}
