global using System.Text.RegularExpressions;
global using Microsoft.Playwright;
global using Qonys.BrowserTests.Infrastructure;
global using Qonys.IntegrationTests.Infrastructure;
global using static Microsoft.Playwright.Assertions;
