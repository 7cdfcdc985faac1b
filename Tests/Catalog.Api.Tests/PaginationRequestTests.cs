using Catalog.Api.Model;

namespace Catalog.Api.Tests;

public class PaginationRequestTests
{
    [Fact]
    public void Defaults_are_the_first_page_of_ten()
    {
        var request = new PaginationRequest();

        Assert.Equal(0, request.PageIndex);
        Assert.Equal(10, request.PageSize);
        Assert.True(request.TryValidate(out var errors));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(100, 0)]
    [InlineData(10, 5)]
    [InlineData(1, int.MaxValue)]
    public void Accepts_sizes_from_1_to_100_and_non_negative_indexes(int pageSize, int pageIndex)
    {
        Assert.True(new PaginationRequest(pageSize, pageIndex).TryValidate(out var errors));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void Rejects_page_size_out_of_range(int pageSize)
    {
        Assert.False(new PaginationRequest(pageSize, 0).TryValidate(out var errors));
        Assert.Equal(["pageSize"], errors.Keys);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Rejects_negative_page_index(int pageIndex)
    {
        Assert.False(new PaginationRequest(10, pageIndex).TryValidate(out var errors));
        Assert.Equal(["pageIndex"], errors.Keys);
    }

    [Fact]
    public void Rejects_an_offset_that_overflows_instead_of_failing_in_the_query()
    {
        var request = new PaginationRequest(100, int.MaxValue);

        Assert.Equal((long)int.MaxValue * 100, request.Offset);
        Assert.False(request.TryValidate(out var errors));
        Assert.Equal(["pageIndex"], errors.Keys);
    }

    [Fact]
    public void Reports_every_bad_parameter_at_once()
    {
        Assert.False(new PaginationRequest(0, -1).TryValidate(out var errors));
        Assert.Equal(["pageIndex", "pageSize"], errors.Keys.Order());
    }
}
