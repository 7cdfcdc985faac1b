using Microsoft.AspNetCore.Mvc;

namespace Catalog.Api.Model;

// Bound from the query string with [AsParameters]; validated by hand so bad input is a 400, never a 500.
// The names are given so the OpenAPI document shows the camelCase names clients send.
public record PaginationRequest(
    [FromQuery(Name = "pageSize")] int PageSize = PaginationRequest.DefaultPageSize,
    [FromQuery(Name = "pageIndex")] int PageIndex = 0)
{
    public const int DefaultPageSize = 10;

    // Caps the rows (and the cache entry size) one request can pull.
    public const int MaxPageSize = 100;

    // Rows skipped before this page; long because PageIndex * PageSize can overflow an int.
    public long Offset => (long)PageIndex * PageSize;

    // Error keys use the query-string names so clients can map them back to their inputs.
    public bool TryValidate(out Dictionary<string, string[]> errors)
    {
        errors = [];

        if (PageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }

        if (PageIndex < 0)
        {
            errors["pageIndex"] = ["pageIndex must be zero or greater."];
        }
        else if (Offset > int.MaxValue)
        {
            errors["pageIndex"] = ["pageIndex is too large for this pageSize."];
        }

        return errors.Count == 0;
    }
}
