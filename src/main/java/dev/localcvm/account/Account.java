package dev.localcvm.account;

/** A Tencent Cloud account: the root user's Uin (also its OwnerUin) and its AppId. */
public record Account(String uin, long appId, String name) {
    public String ownerUin() {
        return uin;
    }
}
