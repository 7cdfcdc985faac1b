namespace Catalog.Api.Infrastructure.Seed;

// The starter catalogue as C# (not a JSON file) so a typo is a compile error and tests can read it directly.
// Items refer to brands and types by name; ids are assigned by the database.
static class CatalogSeedData
{
    public record SeedItem(string Name, string Description, decimal Price, int AvailableStock, string Brand, string Type);

    public static readonly IReadOnlyList<string> Brands =
    [
        "Daybird", "Gravitator", "WildRunner", "Quester", "B&R", "Solstix", "XE", "Raptor Elite",
    ];

    public static readonly IReadOnlyList<string> Types =
    [
        "Footwear", "Climbing", "Ski/boarding", "Bags", "Jackets", "Navigation", "Trekking", "Cycling",
    ];

    public static readonly IReadOnlyList<SeedItem> Items =
    [
        new("Wanderer Black Hiking Boots", "Waterproof leather boots with a grippy Vibram-style sole for rough trails.", 109.99m, 120, "Daybird", "Footwear"),
        new("Trailblazer Trail Runners", "Lightweight, breathable trail-running shoes with a rock plate.", 89.50m, 200, "WildRunner", "Footwear"),
        new("Summit Pro Harness", "Adjustable climbing harness with four gear loops and padded leg loops.", 79.99m, 80, "Gravitator", "Climbing"),
        new("Alpine Fusion Goggles", "Anti-fog ski goggles with interchangeable lenses for flat light.", 69.99m, 150, "Raptor Elite", "Ski/boarding"),
        new("Venture 45L Backpack", "Top-loading trekking pack with an adjustable back system and rain cover.", 149.00m, 90, "Quester", "Bags"),
        new("Stormguard Shell Jacket", "Three-layer waterproof, breathable shell with pit zips.", 229.00m, 60, "B&R", "Jackets"),
        new("Pathfinder GPS Watch", "Multi-band GPS watch with barometric altimeter and 40-hour battery.", 349.99m, 40, "XE", "Navigation"),
        new("Ridgeline Trekking Poles", "Collapsible carbon trekking poles with cork grips, sold as a pair.", 119.95m, 110, "Solstix", "Trekking"),
        new("Gravel King Helmet", "Ventilated cycling helmet with MIPS liner and rear light mount.", 99.00m, 130, "Raptor Elite", "Cycling"),
        new("Crag Master Climbing Shoes", "Downturned climbing shoes for overhangs and technical edging.", 139.00m, 70, "Gravitator", "Climbing"),
        new("Powder Hound Snowboard", "All-mountain camber snowboard that floats in powder.", 429.00m, 25, "Raptor Elite", "Ski/boarding"),
        new("Daypack 22L", "Everyday hiking daypack with a hydration sleeve and hip-belt pockets.", 59.99m, 250, "Quester", "Bags"),
        new("Thermal Down Parka", "800-fill down parka rated for sub-zero belay stances.", 299.00m, 45, "Daybird", "Jackets"),
        new("Compass Pro Baseplate", "Sighting compass with declination adjustment and a clinometer.", 34.99m, 300, "XE", "Navigation"),
        new("Trekker Gaiters", "Breathable, waterproof gaiters that keep scree and snow out of your boots.", 39.50m, 180, "Solstix", "Trekking"),
        new("Velo Bikepacking Frame Bag", "Waterproof frame bag with a full-length zip for bikepacking trips.", 74.00m, 95, "WildRunner", "Cycling"),
        new("Ice Axe Explorer", "Lightweight mountaineering ice axe with a steel pick and spike.", 89.00m, 55, "Gravitator", "Climbing"),
        new("Carbon Touring Skis", "Light carbon touring skis for long days skinning uphill.", 649.00m, 15, "B&R", "Ski/boarding"),
        new("Rain Shell Pants", "Packable waterproof over-trousers with full-length side zips.", 89.99m, 140, "B&R", "Jackets"),
        new("Headlamp 400", "400-lumen rechargeable headlamp with a red night-vision mode.", 44.95m, 220, "XE", "Navigation"),
        new("Trail Mate Sandals", "Quick-drying hiking sandals for river crossings and camp.", 54.00m, 160, "WildRunner", "Footwear"),
        new("Cycling Rain Jacket", "High-visibility packable jacket with a dropped tail for the saddle.", 129.00m, 85, "Daybird", "Cycling"),
    ];
}
