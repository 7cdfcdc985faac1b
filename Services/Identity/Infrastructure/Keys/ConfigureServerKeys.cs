using System.Security.Cryptography;
using Identity.Api.Model;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Identity.Api.Infrastructure.Keys;

// Gives OpenIddict the stored keys instead of development certificates, which change with every machine.
sealed class ConfigureServerKeys(ServerKeyRing ring) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        foreach (var key in ring.Keys)
        {
            // The RSA instance lives as long as the options, i.e. the process.
            var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(key.PrivateKey, out _);
            var securityKey = new RsaSecurityKey(rsa) { KeyId = key.Id };

            switch (key.Use)
            {
                case ServerKeyUse.Signing:
                    options.SigningCredentials.Add(new SigningCredentials(securityKey, SecurityAlgorithms.RsaSha256));
                    break;
                case ServerKeyUse.Encryption:
                    options.EncryptionCredentials.Add(new EncryptingCredentials(
                        securityKey, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
                    break;
            }
        }
    }
}
