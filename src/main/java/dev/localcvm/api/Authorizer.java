package dev.localcvm.api;

import dev.localcvm.account.ApiKey;

/**
 * Decides whether a bound request may run (issue 16): the credential's admin switches and, for a signer that is not
 * the account's root, CAM's policies. The gateway calls it after binding the parameters, because CAM judges the
 * resources a request names, and before the action runs, so that a refused request changes nothing. It is called
 * only when {@link ApiKey#needsAuthorization()}: the root signer with no switch set never reaches it.
 */
public interface Authorizer {
    /** Lets every call through: for servers and tests built without CAM. */
    Authorizer ALLOW_ALL = new Authorizer() {
        @Override
        public <Q extends Record> void authorize(Product product, Action<Q> action, Q request, CallContext context,
                                                 ApiKey key) {
        }
    };

    /** Returns when the call may run; otherwise throws {@link dev.localcvm.error.ApiException} with the refusal. */
    <Q extends Record> void authorize(Product product, Action<Q> action, Q request, CallContext context, ApiKey key);
}
