import type { Picture } from "../src/documents/docx-pictures.js";

/**
 * The browser's DrawPicture: the chart's SVG drawn by the browser itself onto a canvas, `scale` times
 * its size, as PNG. (The CLI draws the same SVG with resvg and the bundled fonts; here the text falls
 * back to the SVG's second font, Arial, so the pictures differ slightly while saying the same.)
 */
export async function pictureOfSvgInBrowser(svg: string, scale = 2.5): Promise<Picture> {
  const size = (attribute: string, fallback: number) => Number(new RegExp(`<svg[^>]*\\s${attribute}="(\\d+(?:\\.\\d+)?)"`).exec(svg)?.[1] ?? fallback);
  const widthPx = Math.round(size("width", 640) * scale);
  const heightPx = Math.round(size("height", 360) * scale);
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = widthPx;
    canvas.height = heightPx;
    const context = canvas.getContext("2d")!;
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, widthPx, heightPx);
    context.drawImage(image, 0, 0, widthPx, heightPx);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (blob === null) throw new Error("the browser could not draw a chart as a picture");
    return { png: new Uint8Array(await blob.arrayBuffer()), widthPx, heightPx };
  } finally {
    URL.revokeObjectURL(url);
  }
}
