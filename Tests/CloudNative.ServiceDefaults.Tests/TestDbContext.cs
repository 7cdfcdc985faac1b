using Microsoft.EntityFrameworkCore;

namespace CloudNative.ServiceDefaults.Tests;

public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options);
