import { byText } from "../../modules/topology/order";
import { guardDutyServicePrincipal, REGIONS } from "../../modules/topology/regions";

const regions = Object.keys(REGIONS);

test("orders by code units: region codes, account IDs and principals as localeCompare orders them in English", () => {
  const reversed = (xs: string[]) => [...xs].reverse();
  const accounts = ["999999999999", "000000000001", "111122223333", "444455556666", "100000000000"];
  const principals = [...new Set(regions.map(guardDutyServicePrincipal))];
  for (const xs of [regions, accounts, principals]) {
    expect(reversed(xs).sort(byText)).toEqual(reversed(xs).sort((a, b) => a.localeCompare(b, "en")));
  }
  expect(["us-east-1", "eu-west-1", "ap-south-1"].sort(byText)).toEqual(["ap-south-1", "eu-west-1", "us-east-1"]);
});

test("is a total order: equal strings compare 0, and the order is antisymmetric", () => {
  expect(byText("eu-west-1", "eu-west-1")).toBe(0);
  expect(byText("eu-west-1", "eu-west-2")).toBe(-1);
  expect(byText("eu-west-2", "eu-west-1")).toBe(1);
  // unlike localeCompare, case and punctuation are compared as code units, the same in every locale
  expect(byText("B", "a")).toBe(-1);
});
