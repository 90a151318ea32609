// Results downloads: the API's CSV and JSON need the teacher token in a header, so the page
// fetches them and hands the browser a file.
export async function downloadResults(code: string, token: string, kind: "csv" | "json"): Promise<void> {
  const res = await fetch(`/api/challenges/${encodeURIComponent(code)}/results.${kind}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`the server answered ${res.status}`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = `nines-${code}-results.${kind}`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
