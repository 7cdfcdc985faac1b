using Catalog.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests;

static class TestCatalogContext
{
    // The Npgsql provider builds the real model; nothing here opens the connection.
    public static CatalogContext Create() =>
        new(new DbContextOptionsBuilder<CatalogContext>().UseNpgsql("Host=127.0.0.1;Port=1;Database=catalogdb").Options);
}
