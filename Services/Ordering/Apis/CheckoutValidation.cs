using Ordering.Api.Domain;
using Ordering.Api.Extensions;

namespace Ordering.Api.Apis;

public static class CheckoutValidation
{
    /// <summary>
    /// The items to order, one line per product (a product listed twice is one line with the quantities added), or
    /// the validation errors keyed as the request's fields.
    /// </summary>
    public static bool TryValidate(IReadOnlyList<CheckoutItem>? items, OrderingOptions options,
        out IReadOnlyList<OrderItem> lines, out Dictionary<string, string[]> errors)
    {
        errors = [];
        lines = [];
        if (items is null || items.Count == 0)
        {
            errors["items"] = ["At least one item is required (send an empty body to check out your basket)."];
            return false;
        }

        if (items.Count > options.MaxLines)
        {
            errors["items"] = [$"At most {options.MaxLines} items per order."];
            return false;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                errors[$"items[{i}]"] = ["An item cannot be null."];
                continue;
            }

            if (items[i].ProductId <= 0)
            {
                errors[$"items[{i}].productId"] = ["A product id is a positive integer."];
            }

            if (items[i].Quantity <= 0 || items[i].Quantity > options.MaxQuantityPerLine)
            {
                errors[$"items[{i}].quantity"] = [$"The quantity must be between 1 and {options.MaxQuantityPerLine}."];
            }
        }

        if (errors.Count > 0)
        {
            return false;
        }

        // Summed in long: two lines of int.MaxValue must not wrap around into a valid-looking quantity.
        var merged = items.GroupBy(i => i.ProductId).Select(g => (ProductId: g.Key, Quantity: g.Sum(i => (long)i.Quantity))).ToList();
        foreach (var line in merged.Where(l => l.Quantity > options.MaxQuantityPerLine))
        {
            errors["items"] = [$"Product {line.ProductId}: the quantities add up to more than {options.MaxQuantityPerLine}."];
        }

        lines = [.. merged.Select(l => new OrderItem(l.ProductId, (int)l.Quantity))];
        return errors.Count == 0;
    }
}
