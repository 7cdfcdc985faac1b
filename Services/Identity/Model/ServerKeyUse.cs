namespace Identity.Api.Model;

public enum ServerKeyUse
{
    // Signs tokens; published in the JWKS.
    Signing,

    // Encrypts the tokens only this server reads (refresh tokens); never published.
    Encryption,
}
