using Identity.Api.Model;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Api.Infrastructure.Seed;

// Registers the OAuth clients on every start, so a changed secret or permission takes effect without a migration.
sealed class ClientSeed(IOpenIddictApplicationManager applications, IOptions<ClientOptions> options, ILogger<ClientSeed> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await UpsertAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = Clients.Cli,
            ClientType = ClientTypes.Public,
            DisplayName = "CloudNative command line",
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.Password,
                Permissions.GrantTypes.RefreshToken,
                Permissions.Scopes.Email,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Roles,
            },
        }, cancellationToken);

        var serviceSecret = options.Value.ServiceSecret;
        if (string.IsNullOrEmpty(serviceSecret))
        {
            logger.LogWarning("{Setting} is not set: the {Client} client (client_credentials) is not registered",
                $"{ClientOptions.SectionName}:{nameof(ClientOptions.ServiceSecret)}", Clients.Service);
            return;
        }

        await UpsertAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = Clients.Service,
            ClientSecret = serviceSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "CloudNative services",
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        }, cancellationToken);
    }

    async Task UpsertAsync(OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }
}
