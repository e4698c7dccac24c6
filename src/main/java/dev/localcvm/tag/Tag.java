package dev.localcvm.tag;

/** One tag of a resource. Values may be empty; keys never are. */
public record Tag(String key, String value) {
}
