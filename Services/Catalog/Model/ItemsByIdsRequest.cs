using Microsoft.AspNetCore.Mvc;

namespace Catalog.Api.Model;

// Bound from the query string (?ids=1&ids=2) with [AsParameters]; validated by hand so bad input is a 400, never a 500.
public record ItemsByIdsRequest([FromQuery(Name = "ids")] int[] Ids)
{
    // Bounds the query and the response like PaginationRequest.MaxPageSize bounds a page.
    public const int MaxIds = PaginationRequest.MaxPageSize;

    public bool TryValidate(out Dictionary<string, string[]> errors)
    {
        errors = [];

        if (Ids.Length == 0)
        {
            errors["ids"] = ["Give at least one id (?ids=1&ids=2)."];
        }
        else if (Ids.Length > MaxIds)
        {
            errors["ids"] = [$"Give at most {MaxIds} ids."];
        }

        return errors.Count == 0;
    }
}
