using Identity.Api.Model;

namespace Identity.Api.Infrastructure.Keys;

// The keys read from identitydb at start-up. OpenIddict reads its options on the first request, which comes
// only after IdentityDbInitializer has filled this ring (hosted services start before Kestrel listens).
sealed class ServerKeyRing
{
    IReadOnlyList<ServerKey>? keys;

    public IReadOnlyList<ServerKey> Keys =>
        keys ?? throw new InvalidOperationException("The server keys are read from identitydb at start-up; nothing has loaded them yet.");

    public void Load(IReadOnlyList<ServerKey> loaded) => keys = loaded;
}
