using System.Security.Cryptography;
using Identity.Api.Model;
using Microsoft.EntityFrameworkCore;

namespace Identity.Api.Infrastructure.Keys;

// Creates each kind of key once, on the first start against a new database, then always reads the stored ones.
// Callers hold the migration lock, so replicas starting together create no duplicates.
static class ServerKeyStore
{
    const int KeySizeInBits = 2048;

    public static async Task<IReadOnlyList<ServerKey>> EnsureKeysAsync(IdentityContext context, TimeProvider time, CancellationToken cancellationToken)
    {
        foreach (var use in Enum.GetValues<ServerKeyUse>())
        {
            if (!await context.ServerKeys.AnyAsync(k => k.Use == use, cancellationToken))
            {
                using var rsa = RSA.Create(KeySizeInBits);
                context.ServerKeys.Add(new ServerKey
                {
                    Id = Guid.NewGuid().ToString("N"),
                    Use = use,
                    PrivateKey = rsa.ExportPkcs8PrivateKey(),
                    CreatedAt = time.GetUtcNow(),
                });
            }
        }

        await context.SaveChangesAsync(cancellationToken);

        // Newest first: OpenIddict signs with the first usable key and keeps the others for validation.
        return await context.ServerKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
    }
}
