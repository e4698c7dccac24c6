package dev.localcvm.cam;

import dev.localcvm.account.AccountService;
import dev.localcvm.account.Principal;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.security.SecureRandom;

/**
 * AddUser: a sub-user with a fresh Uin (random) and Uid (the next of a counter all accounts share), and with UseApi=1 its first API key, in one transaction. The password
 * is checked against CAM's default rule but not kept: localcvm has no console to log in to.
 */
public final class AddUser extends BaseAction<AddUser.Request> {
    private static final String PASSWORD_CHARS =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789!@#$%^&*()-_=+";
    private static final int DRAWS = 10;
    private final SecureRandom random = new SecureRandom();
    private final CamService service;

    public AddUser(CamService service) {
        super("AddUser", Request.class, 20, false);
        this.service = service;
    }

    public record Request(String name, String remark, Long consoleLogin, Long useApi, String password,
                          Long needResetPassword, String phoneNum, String countryCode, String email) {
    }

    public record Response(long uin, String name, String password, String secretId, String secretKey, long uid) {
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String owner = ctx.account().uin();
        String name = CamRules.userName(r.name());
        String remark = CamRules.text("Remark", r.remark(), 300);
        long consoleLogin = CamRules.flag("ConsoleLogin", r.consoleLogin(), 0);
        long useApi = CamRules.flag("UseApi", r.useApi(), 0);
        CamRules.flag("NeedResetPassword", r.needResetPassword(), 0);
        String given = consoleLogin == 1 ? CamRules.password(r.password()) : null;
        String generated = consoleLogin == 1 && given == null ? generatedPassword() : null;
        String phone = CamRules.digits("PhoneNum", r.phoneNum(), 32);
        String country = CamRules.digits("CountryCode", r.countryCode(), 8);
        String email = CamRules.email(r.email());
        AccountService.KeyPair key = useApi == 1 ? service.accounts().newKeyPair() : null;
        CamUser user = service.store().write(owner, tx -> {
            if (tx.userByName(owner, name).isPresent()) {
                throw ApiException.of(ErrorCode.CAM_SUB_USER_NAME_IN_USE, name);
            }
            if (tx.countUsers(owner) >= CamRules.MAX_USERS) {
                throw new ApiException(ErrorCode.CAM_SUB_USER_FULL, ErrorCode.CAM_SUB_USER_FULL.message(null));
            }
            long uid = tx.nextId("cam.user_uid", CamService.FIRST_UID);
            for (int draw = 0; draw < DRAWS; draw++) {
                CamUser u = new CamUser(owner, service.newUserUin(), uid, name, remark, consoleLogin, phone, country,
                        email, ctx.now());
                // A drawn uin another account's sub-user already has is drawn again.
                if (tx.insertUser(u)) {
                    if (key != null) {
                        tx.insertKey(Principal.subUser(owner, u.uin(), name), key.secretId(), key.secretKey(),
                                ctx.now());
                    }
                    return u;
                }
            }
            throw new IllegalStateException("no free sub-user uin after " + DRAWS + " draws");
        });
        return new Response(Long.parseLong(user.uin()), name, generated, key == null ? null : key.secretId(),
                key == null ? null : key.secretKey(), user.uid());
    }

    /** CAM's generated password: 32 characters with every kind of character the rule asks for. */
    private String generatedPassword() {
        StringBuilder sb = new StringBuilder("Aa1!");
        while (sb.length() < 32) {
            sb.append(PASSWORD_CHARS.charAt(random.nextInt(PASSWORD_CHARS.length())));
        }
        return sb.toString();
    }
}
