using Catalog.Api.Infrastructure.Seed;
using Catalog.Api.Model;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests;

public class CatalogSeedDataTests
{
    static readonly IReadOnlyList<CatalogSeedData.SeedItem> Items = CatalogSeedData.Items;

    [Fact]
    public void Has_about_twenty_items()
    {
        Assert.InRange(Items.Count, 15, 30);
    }

    [Fact]
    public void Names_are_unique_because_the_seeder_matches_on_them()
    {
        Assert.Equal(Items.Count, Items.Select(i => i.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(CatalogSeedData.Brands.Count, CatalogSeedData.Brands.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(CatalogSeedData.Types.Count, CatalogSeedData.Types.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_item_refers_to_a_seeded_brand_and_type()
    {
        Assert.All(Items, i => Assert.Contains(i.Brand, CatalogSeedData.Brands));
        Assert.All(Items, i => Assert.Contains(i.Type, CatalogSeedData.Types));
    }

    [Fact]
    public void Every_brand_and_type_is_used()
    {
        Assert.All(CatalogSeedData.Brands, b => Assert.Contains(Items, i => i.Brand == b));
        Assert.All(CatalogSeedData.Types, t => Assert.Contains(Items, i => i.Type == t));
    }

    [Fact]
    public void Prices_and_stock_are_plausible()
    {
        Assert.All(Items, i =>
        {
            Assert.InRange(i.Price, 0.01m, 10_000m);
            Assert.Equal(decimal.Round(i.Price, 2), i.Price);
            Assert.InRange(i.AvailableStock, 0, 100_000);
        });
    }

    [Fact]
    public void Values_fit_the_columns_of_the_model()
    {
        using var context = TestCatalogContext.Create();
        var item = context.Model.FindEntityType(typeof(CatalogItem))!;
        var nameLength = item.FindProperty(nameof(CatalogItem.Name))!.GetMaxLength()!.Value;
        var descriptionLength = item.FindProperty(nameof(CatalogItem.Description))!.GetMaxLength()!.Value;
        var brandLength = context.Model.FindEntityType(typeof(CatalogBrand))!.FindProperty(nameof(CatalogBrand.Brand))!.GetMaxLength()!.Value;
        var typeLength = context.Model.FindEntityType(typeof(CatalogType))!.FindProperty(nameof(CatalogType.Type))!.GetMaxLength()!.Value;

        Assert.All(Items, i =>
        {
            Assert.InRange(i.Name.Length, 1, nameLength);
            Assert.InRange(i.Description.Length, 1, descriptionLength);
        });
        Assert.All(CatalogSeedData.Brands, b => Assert.InRange(b.Length, 1, brandLength));
        Assert.All(CatalogSeedData.Types, t => Assert.InRange(t.Length, 1, typeLength));
    }

    [Fact]
    public void An_empty_database_gets_everything()
    {
        var missing = CatalogContextSeed.SelectMissing(Items, new HashSet<string>(), i => i.Name);

        Assert.Equal(Items, missing);
    }

    [Fact]
    public void A_fully_seeded_database_gets_nothing()
    {
        var existing = Items.Select(i => i.Name).ToHashSet();

        Assert.Empty(CatalogContextSeed.SelectMissing(Items, existing, i => i.Name));
    }

    [Fact]
    public void A_partly_seeded_database_gets_only_what_it_lacks()
    {
        // Also what a second replica sees after the first one seeded, or a database where someone added their own items.
        var existing = Items.Take(5).Select(i => i.Name).Append("An item someone added by hand").ToHashSet();

        var missing = CatalogContextSeed.SelectMissing(Items, existing, i => i.Name);

        Assert.Equal(Items.Skip(5), missing);
    }

    [Fact]
    public void Seeding_twice_adds_nothing_the_second_time()
    {
        var database = new HashSet<string>();

        foreach (var item in CatalogContextSeed.SelectMissing(Items, database, i => i.Name))
        {
            database.Add(item.Name);
        }

        Assert.Equal(Items.Count, database.Count);
        Assert.Empty(CatalogContextSeed.SelectMissing(Items, database, i => i.Name));
    }
}
