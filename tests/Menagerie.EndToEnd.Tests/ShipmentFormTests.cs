using Microsoft.Playwright;

namespace Menagerie.EndToEnd.Tests;

/// <summary>The shipment form's rarer fields, folded under "More about …": opened from the keyboard, filled, checked, kept.</summary>
public sealed class ShipmentFormTests(Chromium chromium)
{
    [Fact]
    public async Task A_curator_fills_in_the_rarer_fields_and_gets_them_back_unfolded_with_the_check()
    {
        await using var site = await LiveSite.StartAsync();
        var curator = await site.OpenAsync(chromium.Browser, "curator@MOSCOW");
        await curator.GotoAsync("/compliance/check/form");
        // Folded, the rarer fields are out of the way; a summary opens them from the keyboard.
        Assert.False(await curator.GetByLabel("Air waybill number").IsVisibleAsync());
        await curator.Locator("summary", new() { HasText = "More about the shipment" }).FocusAsync();
        await curator.Keyboard.PressAsync("Enter");
        await curator.GetByText("More about the transport").ClickAsync();
        await curator.GetByText("More about line 1", new() { Exact = false }).ClickAsync();
        await curator.GetByText("More about document 1", new() { Exact = false }).ClickAsync();

        await curator.GetByLabel("Reference").FillAsync("RARE-2026");
        await curator.GetByLabel("Exporting country (ISO code, e.g. RU)").FillAsync("RU");
        await curator.GetByLabel("Sending institution").FillAsync("Moscow Zoo");
        await curator.GetByLabel("Importing country (ISO code, e.g. KP)").FillAsync("DE");
        await curator.GetByLabel("Receiving institution").FillAsync("Berlin Zoo");
        await curator.GetByLabel("Date the shipment leaves").FillAsync("2026-12-01");
        await curator.GetByLabel("Re-export: the exporter sends on animals it imported", new() { Exact = false }).CheckAsync();
        await curator.GetByLabel("Days before departure the clinical examination may be").FillAsync("5");
        await curator.GetByLabel("Quarantine: where, and how many days before export and after arrival").FillAsync("30 days in isolation at Berlin");
        await curator.GetByLabel("Minimum (°C)").First.FillAsync("-8");
        await curator.GetByLabel("Maximum (°C)").First.FillAsync("4");
        await curator.GetByLabel("How the animals are kept within their range where the forecast falls outside it").FillAsync("Heated truck to the aircraft");
        await curator.GetByLabel("Air waybill number").FillAsync("555-12345675");
        await curator.GetByLabel("Special handling codes").FillAsync("AVI");
        await curator.GetByLabel("Scientific name").First.FillAsync("Ailurus fulgens");
        await curator.GetByLabel("Common name").First.FillAsync("Red panda");
        await curator.GetByLabel("How many animals").First.FillAsync("1");
        await curator.GetByLabel("CITES source code").First.SelectOptionAsync("C");
        await curator.GetByLabel("Clinically examined on").First.FillAsync("2026-11-20");
        await curator.GetByLabel("Sedated for the journey").First.CheckAsync();
        await curator.GetByLabel("Kind of document").First.SelectOptionAsync("re-export-certificate");
        await curator.GetByLabel("Number", new() { Exact = true }).First.FillAsync("RU-2026-RE-0042");
        await curator.GetByLabel("Issuing country (ISO code)").First.FillAsync("RU");
        await curator.GetByLabel("Issued", new() { Exact = true }).First.FillAsync("2026-11-10");
        await curator.GetByLabel("Also presented for other consignments").First.FillAsync("MOS-BER-2026-07");
        await Looking.AssertAccessibleAsync(curator);
        await Looking.ScreenshotAsync(curator, "shipment-form-en");
        await curator.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }).ClickAsync();

        Assert.Contains("blocked", await curator.Locator(".verdict strong").First.TextContentAsync(), StringComparison.Ordinal);
        var requirements = await curator.Locator("#result ~ *").AllTextContentsAsync();
        foreach (var said in new[] { "(at most 5 allowed)", "was presented for MOS-BER-2026-07 too", "Sedated animals travel only with a veterinarian" })
            Assert.Contains(requirements, r => r.Contains(said, StringComparison.Ordinal));
        // What was typed comes back, its folds open.
        Assert.True(await curator.GetByLabel("Air waybill number").IsVisibleAsync());
        Assert.Equal("555-12345675", await curator.GetByLabel("Air waybill number").InputValueAsync());
        Assert.Equal("2026-11-20", await curator.GetByLabel("Clinically examined on").First.InputValueAsync());
        Assert.True(await curator.GetByLabel("Sedated for the journey").First.IsCheckedAsync());
        await Looking.AssertAccessibleAsync(curator);

        // On a phone, in Russian, a mistake in a folded field opens its fold and stands beside it.
        var phone = await site.OpenAsync(chromium.Browser, "curator@MOSCOW", language: "ru-RU", width: 390);
        await phone.GotoAsync("/compliance/check/form");
        await phone.Locator("input[name='Form.FromCountry']").FillAsync("RU");
        await phone.Locator("input[name='Form.ToCountry']").FillAsync("DE");
        await phone.Locator("input[name='Form.Date']").FillAsync("2026-12-01");
        await phone.Locator("input[name='Form.Lines[0].Taxon']").FillAsync("Ailurus fulgens");
        await phone.Locator("input[name='Form.Lines[0].Count']").FillAsync("1");
        await phone.Locator("summary", new() { HasText = "Подробнее о строке 1" }).ClickAsync();
        await phone.Locator("input[name='Form.Lines[0].TemperatureMin']").FillAsync("20");
        await phone.Locator("input[name='Form.Lines[0].TemperatureMax']").FillAsync("-10");
        await phone.Locator("summary", new() { HasText = "Подробнее о строке 1" }).ClickAsync();
        await phone.Locator("button.primary").ClickAsync();

        Assert.Contains("min is above max", await phone.Locator("#problem-lines-0--temperature").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await phone.Locator("#field-lines-0--temperature").IsVisibleAsync());
        Assert.Equal("-10", await phone.Locator("#field-lines-0--temperature-max").InputValueAsync());
        await Looking.AssertFitsAsync(phone);
        await Looking.AssertAccessibleAsync(phone);
        await Looking.ScreenshotAsync(phone, "shipment-form-ru-phone", from: "#lines");
    }
}
