package dev.localcvm.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** A PNG of DescribeInstances' server CPU per request against instance count (log scale), with its same-bytes baseline. */
final class Plot {
    /** Median server CPU us per request at one instance count: localcvm's and the bare endpoint's. */
    record Point(int instances, double localcvm, double bare) {
    }

    private static final int W = 900;
    private static final int H = 540;
    private static final int LEFT = 90;
    private static final int RIGHT = 40;
    private static final int TOP = 60;
    private static final int BOTTOM = 70;

    private Plot() {
    }

    static void describe(List<Point> points, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        double maxY = 1;
        for (Point p : points) {
            maxY = Math.max(maxY, Math.max(p.localcvm(), p.bare()));
        }
        maxY *= 1.15;
        double minX = Math.log10(points.get(0).instances());
        double maxX = Math.log10(points.get(points.size() - 1).instances());
        if (maxX - minX < 1e-9) {
            minX -= 0.5;
            maxX += 0.5;
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("DescribeInstances (Limit 100, zone filter): server CPU us per request", LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawLine(LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM);
        g.drawLine(LEFT, TOP, LEFT, H - BOTTOM);
        for (int i = 0; i <= 5; i++) {
            double v = maxY * i / 5;
            int y = y(v, maxY);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(LEFT + 1, y, W - RIGHT, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format("%,.1f", v), 10, y + 4);
        }
        for (Point p : points) {
            int x = x(Math.log10(p.instances()), minX, maxX);
            g.drawString(String.format("%,d", p.instances()), x - 20, H - BOTTOM + 20);
        }
        g.drawString("instances in the account (log scale)", W / 2 - 100, H - 25);
        series(g, points, minX, maxX, maxY, true, new Color(30, 100, 200));
        series(g, points, minX, maxX, maxY, false, new Color(200, 90, 30));
        g.setColor(new Color(30, 100, 200));
        g.drawString("DescribeInstances through localcvm", W - 330, TOP + 10);
        g.setColor(new Color(200, 90, 30));
        g.drawString("bare Vert.x endpoint serving the same bytes", W - 330, TOP + 28);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void series(Graphics2D g, List<Point> points, double minX, double maxX, double maxY,
                               boolean describe, Color color) {
        g.setColor(color);
        g.setStroke(new BasicStroke(2.5f));
        int px = -1;
        int py = -1;
        for (Point p : points) {
            double v = describe ? p.localcvm() : p.bare();
            int x = x(Math.log10(p.instances()), minX, maxX);
            int y = y(v, maxY);
            g.fillOval(x - 4, y - 4, 8, 8);
            if (px >= 0) {
                g.drawLine(px, py, x, y);
            }
            px = x;
            py = y;
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static int x(double logValue, double minX, double maxX) {
        return LEFT + 30 + (int) ((logValue - minX) / (maxX - minX) * (W - LEFT - RIGHT - 60));
    }

    private static int y(double value, double maxY) {
        return H - BOTTOM - (int) (value / maxY * (H - TOP - BOTTOM));
    }
}
