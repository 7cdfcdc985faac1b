namespace Identity.Api.Model;

// An RSA key of the token server, kept in identitydb so tokens stay valid across restarts and replicas.
public class ServerKey
{
    public required string Id { get; init; }

    public required ServerKeyUse Use { get; init; }

    // PKCS#8. The database is the trust boundary for these keys, as it is for the password hashes beside them.
    public required byte[] PrivateKey { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
