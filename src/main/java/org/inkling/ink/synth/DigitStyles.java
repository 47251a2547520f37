package org.inkling.ink.synth;

import java.util.ArrayList;
import java.util.List;
import org.inkling.ink.synth.DigitSynthesizer.Hand;
import org.inkling.ink.synth.DigitSynthesizer.Style;
import org.inkling.ink.synth.DigitSynthesizer.Template;

/**
 * The stroke templates, digit by digit. Coordinates are in a box about 1 tall and 0.6 wide with y
 * down; angles of arcs are in degrees, 0 to the right and 90 downward, so a decreasing angle runs
 * counter-clockwise on screen (the way most people draw a 0).
 */
final class DigitStyles {
    private DigitStyles() {}

    static List<Style> all() {
        List<Style> s = new ArrayList<>();
        zeros(s);
        ones(s);
        twos(s);
        threes(s);
        fours(s);
        fives(s);
        sixes(s);
        sevens(s);
        eights(s);
        nines(s);
        return s;
    }

    private static void add(List<Style> s, int d, String name, String description, Template t) {
        s.add(new Style(d, name, description, t));
    }

    // ---- 0 ----

    private static Trace oval(Hand h, double rx, boolean clockwise) {
        double cx = 0.35, cy = 0.5, ry = 0.5;
        double start = -90 + h.u(-30, 40);
        double sweep = 360 + h.u(-20, 35);
        double egg = h.u(-0.12, 0.12);
        double x0 = cx + rx * (1 + egg * Math.sin(Math.toRadians(start))) * Math.cos(Math.toRadians(start));
        double y0 = cy + ry * Math.sin(Math.toRadians(start));
        return h.at(x0, y0).arc(cx, cy, rx, ry, start, clockwise ? start + sweep : start - sweep, egg);
    }

    private static void zeros(List<Style> s) {
        add(s, 0, "oval", "an oval drawn counter-clockwise from the top", h -> List.of(oval(h, h.u(0.26, 0.4), false)));
        add(s, 0, "oval-cw", "an oval drawn clockwise", h -> List.of(oval(h, h.u(0.26, 0.4), true)));
        add(s, 0, "narrow", "a tall narrow oval", h -> List.of(oval(h, h.u(0.14, 0.22), h.chance(0.3))));
        add(s, 0, "slashed", "a zero with a diagonal slash through it", h -> {
            double rx = h.u(0.22, 0.36);
            double over = h.u(-0.05, 0.12);
            Trace slash = h.at(0.35 + rx + over * 0.6, -over).to(0.35 - rx - over * 0.6, 1 + over);
            return List.of(oval(h, rx, h.chance(0.25)), slash);
        });
        add(s, 0, "dotted", "a zero with a dot in the middle", h -> {
            double rx = h.u(0.22, 0.36);
            Trace dot = h.chance(0.5) ? h.at(0.35, 0.5) : h.at(0.34, 0.49).to(0.36, 0.52);
            return List.of(oval(h, rx, h.chance(0.25)), dot);
        });
    }

    // ---- 1 ----

    private static Trace stem1(Hand h, double x, double top) {
        return h.at(x, top).to(x + h.u(-0.03, 0.03), 0.5).to(x + h.u(-0.02, 0.02), 1);
    }

    private static Trace flagged1(Hand h, double flag, double angleFromVertical) {
        double a = Math.toRadians(angleFromVertical);
        double x = 0.5;
        return h.at(x - flag * Math.sin(a), flag * Math.cos(a)).corner(x, 0).to(x + h.u(-0.02, 0.02), 0.5).to(x, 1);
    }

    private static Trace foot(Hand h, double x) {
        double w = h.u(0.14, 0.3);
        return h.at(x - w, 1 + h.u(-0.01, 0.01)).to(x + w * h.u(0.8, 1.1), 1 + h.u(-0.02, 0.02));
    }

    private static void ones(List<Style> s) {
        add(s, 1, "stick", "a single vertical bar", h -> List.of(stem1(h, 0.3, 0)));
        add(s, 1, "flag", "a short flag at the top", h -> List.of(flagged1(h, h.u(0.12, 0.28), h.u(40, 70))));
        add(s, 1, "long-flag", "a long flag, like an inverted V (continental Europe)",
                h -> List.of(flagged1(h, h.u(0.38, 0.65), h.u(30, 55))));
        add(s, 1, "foot", "a bar standing on a foot", h -> List.of(stem1(h, 0.4, 0), foot(h, 0.4)));
        add(s, 1, "flag-foot", "a flag and a foot", h -> List.of(flagged1(h, h.u(0.18, 0.4), h.u(35, 65)), foot(h, 0.5)));
        add(s, 1, "curved-flag", "a flag curving into the bar", h -> {
            double f = h.u(0.2, 0.4);
            return List.of(h.at(0.5 - f * 0.9, f * 0.7).to(0.5 - f * 0.35, f * 0.15).to(0.5, 0.02).to(0.52, 0.5).to(0.5, 1));
        });
    }

    // ---- 2 ----

    /** The top arc of a 2, from its start on the left to where the diagonal begins. */
    private static Trace top2(Hand h) {
        double rx = h.u(0.24, 0.32), ry = h.u(0.2, 0.3);
        double cy = ry + 0.01;
        double from = h.u(170, 210), to = h.u(370, 400);
        double x0 = 0.33 + rx * Math.cos(Math.toRadians(from)), y0 = cy + ry * Math.sin(Math.toRadians(from));
        return h.at(x0, y0).arc(0.33, cy, rx, ry, from, to);
    }

    private static void twos(List<Style> s) {
        add(s, 2, "classic", "an arc, a diagonal and a flat base", h -> {
            Trace t = top2(h).to(h.u(0.3, 0.4), h.u(0.6, 0.7)).corner(h.u(0.0, 0.06), 1);
            return List.of(t.to(h.u(0.6, 0.72), 1 + h.u(-0.04, 0.02)));
        });
        add(s, 2, "loop", "a small loop where the diagonal meets the base", h -> {
            double r = h.u(0.09, 0.14);
            double cx = 0.08 + r * 0.6, cy = 0.97 - r;
            Trace t = top2(h).to(0.3, 0.66).to(cx + r * 0.8, cy + r * 0.8);
            t.arc(cx, cy, r, r, 45, h.u(290, 320)).to(0.3, 0.99).to(h.u(0.6, 0.72), 1 + h.u(-0.04, 0.0));
            return List.of(t);
        });
        add(s, 2, "z-like", "a short hook and a straight diagonal, angular like a Z", h -> {
            double w = h.u(0.5, 0.65);
            Trace t = h.at(0.02, h.u(0.12, 0.25)).to(0.2, 0.02).to(w * 0.8, 0.03).corner(w, 0.15).corner(0.02, 1);
            return List.of(t.to(w + 0.05, 1));
        });
        add(s, 2, "round-base", "the diagonal bends into the base without a corner", h -> {
            Trace t = top2(h).to(0.25, 0.7).to(0.06, 0.92).to(0.2, 0.98).to(h.u(0.6, 0.7), 0.96 + h.u(-0.03, 0.03));
            return List.of(t);
        });
        add(s, 2, "wavy-base", "a flat base that swings up at its end", h -> {
            Trace t = top2(h).to(0.3, 0.65).corner(0.03, 0.98).to(0.3, 0.96).to(0.5, 1.0).to(0.68, h.u(0.85, 0.93));
            return List.of(t);
        });
    }

    // ---- 3 ----

    private static Trace lowerBowl3(Trace t, Hand h, double top) {
        double ry = (1 - top) / 2, rx = h.u(0.26, 0.33);
        return t.arc(0.3, top + ry, rx, ry, -105, h.u(130, 165));
    }

    private static void threes(List<Style> s) {
        add(s, 3, "round", "two round bowls", h -> {
            double mid = h.u(0.42, 0.52);
            double ry = mid / 2;
            Trace t = h.at(0.05, ry * h.u(0.4, 0.9)).arc(0.3, ry, h.u(0.22, 0.28), ry, 200, 450).to(h.u(0.14, 0.22), mid);
            return List.of(lowerBowl3(t, h, mid));
        });
        add(s, 3, "pointed", "two bowls meeting in a sharp point", h -> {
            double mid = h.u(0.42, 0.52);
            double ry = mid / 2;
            Trace t = h.at(0.04, ry * h.u(0.4, 0.9)).arc(0.3, ry, h.u(0.22, 0.3), ry, 200, 420).corner(h.u(0.1, 0.22), mid);
            return List.of(t.to(0.42, mid + 0.04).arc(0.3, mid + (1 - mid) / 2, h.u(0.27, 0.33), (1 - mid) / 2, -40, h.u(130, 160)));
        });
        add(s, 3, "flat-top", "a flat top and a diagonal into the lower bowl (continental Europe)", h -> {
            double mid = h.u(0.38, 0.47);
            Trace t = h.at(0.05, h.u(0.0, 0.05)).corner(h.u(0.55, 0.65), 0).corner(h.u(0.2, 0.3), mid);
            return List.of(t.arc(0.3, mid + (1 - mid) / 2, h.u(0.27, 0.34), (1 - mid) / 2, -80, h.u(130, 160)));
        });
        add(s, 3, "big-bottom", "a small upper bowl over a big lower one", h -> {
            double mid = h.u(0.32, 0.4);
            double ry = mid / 2;
            Trace t = h.at(0.1, ry * 0.6).arc(0.32, ry, h.u(0.16, 0.22), ry, 210, 450).to(0.22, mid);
            return List.of(lowerBowl3(t, h, mid));
        });
    }

    // ---- 4 ----

    private static void fours(List<Style> s) {
        add(s, 4, "closed", "a closed triangle and a separate upright", h -> {
            double bar = h.u(0.58, 0.72), x = h.u(0.42, 0.5);
            Trace a = h.at(x, 0).corner(h.u(0.0, 0.04), bar).to(h.u(0.62, 0.72), bar + h.u(-0.03, 0.02));
            Trace b = h.at(x + h.u(-0.02, 0.02), h.u(0.0, 0.15)).to(x + h.u(-0.02, 0.03), 1);
            return List.of(a, b);
        });
        add(s, 4, "open", "an open top: an L and a separate upright", h -> {
            double bar = h.u(0.5, 0.65), x = h.u(0.45, 0.55);
            Trace a = h.at(h.u(0.04, 0.14), 0).corner(h.u(0.0, 0.06), bar).to(h.u(0.65, 0.75), bar + h.u(-0.04, 0.02));
            Trace b = h.at(x, h.u(0.0, 0.1)).to(x + h.u(-0.03, 0.03), 1);
            return List.of(a, b);
        });
        add(s, 4, "one-stroke-closed", "one stroke: up the upright, down the diagonal, along the bar", h -> {
            double bar = h.u(0.58, 0.72), x = h.u(0.42, 0.5);
            return List.of(h.at(x, 1).corner(x, 0).corner(h.u(0.0, 0.04), bar).to(h.u(0.62, 0.74), bar + h.u(-0.03, 0.02)));
        });
        add(s, 4, "one-stroke-open", "one stroke with an open top, retracing the upright", h -> {
            double bar = h.u(0.5, 0.62), x = h.u(0.5, 0.58);
            return List.of(h.at(h.u(0.02, 0.1), 0).to(0.04, bar * 0.7).to(0.15, bar).to(x - 0.04, bar + 0.01)
                    .to(x, bar * 0.6).corner(x + h.u(-0.02, 0.02), h.u(0.0, 0.05)).to(x, 0.5).to(x - h.u(0.0, 0.04), 1));
        });
        add(s, 4, "rounded-open", "an open top with a rounded U-like cup (like a Cyrillic che)", h -> {
            double bar = h.u(0.5, 0.62), x = h.u(0.48, 0.56);
            Trace a = h.at(h.u(0.02, 0.08), 0).to(0.05, bar * 0.75).to(0.2, bar).to(h.u(0.6, 0.72), bar - h.u(0.0, 0.05));
            Trace b = h.at(x, h.u(0.0, 0.08)).to(x, 1);
            return List.of(a, b);
        });
    }

    // ---- 5 ----

    private static Trace belly5(Trace t, Hand h, double neck) {
        double ry = (1 - neck) / 2 + 0.02, rx = h.u(0.26, 0.33);
        return t.arc(0.3, 1 - ry, rx, ry, h.u(-150, -125), h.u(130, 165));
    }

    private static void fives(List<Style> s) {
        add(s, 5, "two-stroke", "neck and belly, then the flag as a second stroke", h -> {
            double neck = h.u(0.38, 0.5), x = h.u(0.06, 0.14);
            Trace body = belly5(h.at(x, 0.02).corner(x - h.u(0.0, 0.05), neck), h, neck);
            Trace flag = h.at(x, 0.02).to(h.u(0.55, 0.7), h.u(-0.03, 0.03));
            return List.of(body, flag);
        });
        add(s, 5, "one-stroke", "flag, neck and belly in one stroke", h -> {
            double neck = h.u(0.38, 0.5), x = h.u(0.06, 0.14);
            Trace t = h.at(h.u(0.55, 0.7), h.u(-0.03, 0.02)).corner(x, 0.02).corner(x - h.u(0.0, 0.05), neck);
            return List.of(belly5(t, h, neck));
        });
        add(s, 5, "round-neck", "a slanted neck flowing into the belly", h -> {
            double neck = h.u(0.35, 0.45);
            Trace body = h.at(0.15, 0.02).to(0.1, neck * 0.7);
            Trace flag = h.at(0.15, 0.02).to(h.u(0.55, 0.7), h.u(-0.04, 0.04));
            return List.of(belly5(body, h, neck), flag);
        });
        add(s, 5, "curled", "the belly curls back up at its end", h -> {
            double neck = h.u(0.38, 0.5), x = h.u(0.06, 0.14);
            double ry = (1 - neck) / 2 + 0.02;
            Trace body = h.at(x, 0.02).corner(x, neck).arc(0.3, 1 - ry, h.u(0.27, 0.32), ry, -140, h.u(165, 195));
            Trace flag = h.at(x, 0.02).to(h.u(0.55, 0.7), 0.0);
            return List.of(body, flag);
        });
    }

    // ---- 6 ----

    private static Trace loop6(Trace t, Hand h, double ry) {
        double rx = h.u(0.25, 0.32);
        return t.arc(0.32, 1 - ry, rx, ry, 180, h.u(-170, -140));
    }

    private static void sixes(List<Style> s) {
        add(s, 6, "classic", "a curved stem down into a round loop", h -> {
            double ry = h.u(0.23, 0.3);
            Trace t = h.at(h.u(0.5, 0.62), h.u(0.0, 0.08)).to(0.3, 0.06).to(0.12, 0.3).to(0.07, 1 - ry);
            return List.of(loop6(t, h, ry));
        });
        add(s, 6, "straight-stem", "a straight diagonal stem into the loop", h -> {
            double ry = h.u(0.22, 0.3);
            Trace t = h.at(h.u(0.45, 0.6), 0).to(0.25, 0.4).to(0.08, 1 - ry);
            return List.of(loop6(t, h, ry));
        });
        add(s, 6, "small-loop", "a tall stem and a small loop", h -> {
            double ry = h.u(0.15, 0.21);
            Trace t = h.at(h.u(0.4, 0.55), 0).to(0.22, 0.25).to(0.1, 1 - ry * 1.2);
            return List.of(t.arc(0.28, 1 - ry, h.u(0.18, 0.24), ry, 180, h.u(-170, -140)));
        });
        add(s, 6, "big-loop", "a short hook over a big round body", h -> {
            double ry = h.u(0.28, 0.34);
            Trace t = h.at(h.u(0.5, 0.62), h.u(0.04, 0.12)).to(0.32, 0.0).to(0.1, 0.18).to(0.04, 1 - ry);
            return List.of(loop6(t, h, ry));
        });
        add(s, 6, "hooked-top", "the top curls over and down, like a printed 6", h -> {
            double ry = h.u(0.25, 0.32);
            Trace t = h.at(h.u(0.55, 0.62), h.u(0.14, 0.24)).to(0.5, 0.05).to(0.32, 0.0).to(0.14, 0.1).to(0.06, 0.4)
                    .to(0.04, 1 - ry);
            return List.of(loop6(t, h, ry));
        });
    }

    // ---- 7 ----

    private static Trace seven(Hand h, boolean serif, boolean curvedStem) {
        double w = h.u(0.55, 0.7), foot = h.u(0.1, 0.3);
        Trace t = serif ? h.at(0.0, h.u(0.12, 0.25)).corner(0.0, 0.02) : h.at(0.0, h.u(0.0, 0.05));
        t.corner(w, h.u(0.0, 0.04));
        if (curvedStem) {
            t.to(w - 0.15, 0.3).to(foot + 0.08, 0.65).to(foot, 1);
        } else {
            double bend = h.u(-0.04, 0.04);
            t.to((w + foot) / 2 + bend, 0.5).to(foot, 1);
        }
        return t;
    }

    private static Trace bar7(Hand h, double w, double foot) {
        double y = h.u(0.45, 0.58);
        double x = w + (foot - w) * y;
        return h.at(x - h.u(0.14, 0.26), y + h.u(-0.02, 0.02)).to(x + h.u(0.1, 0.2), y + h.u(-0.03, 0.02));
    }

    private static void sevens(List<Style> s) {
        add(s, 7, "plain", "a bar and a straight stem", h -> List.of(seven(h, false, false)));
        add(s, 7, "crossed", "a crossed seven (continental Europe)", h -> List.of(seven(h, false, false), bar7(h, 0.62, 0.2)));
        add(s, 7, "serif", "a small downstroke at the start of the bar", h -> List.of(seven(h, true, false)));
        add(s, 7, "serif-crossed", "serif and cross bar", h -> List.of(seven(h, true, h.chance(0.5)), bar7(h, 0.62, 0.2)));
        add(s, 7, "curved-stem", "a stem that curves down", h -> List.of(seven(h, false, true)));
        add(s, 7, "wavy-crossed", "a wavy top bar and a cross bar", h -> {
            double w = h.u(0.55, 0.68);
            Trace t = h.at(0.0, 0.06).to(0.15, 0.0).to(0.35, 0.07).to(w - 0.05, 0.01).corner(w, 0.02).to(0.4, 0.5).to(0.22, 1);
            return List.of(t, bar7(h, 0.6, 0.22));
        });
    }

    // ---- 8 ----

    private static final double[][] EIGHT = {
        {0.52, 0.1}, {0.32, 0.0}, {0.1, 0.1}, {0.12, 0.32}, {0.33, 0.48}, {0.57, 0.66}, {0.53, 0.9},
        {0.31, 1.0}, {0.07, 0.9}, {0.06, 0.68}, {0.3, 0.5}, {0.5, 0.32}, {0.54, 0.13}, {0.4, 0.01},
    };

    private static Trace figure8(Hand h, double[][] k, boolean mirror, double topScale) {
        Trace t = null;
        for (double[] p : k) {
            double x = p[0], y = p[1];
            if (y < 0.5) {
                x = 0.31 + (x - 0.31) * topScale;
                y = 0.5 - (0.5 - y) * (0.85 + 0.15 * topScale);
            }
            if (mirror) {
                x = 0.62 - x;
            }
            t = t == null ? h.at(x, y) : t.to(x, y);
        }
        return t;
    }

    private static void eights(List<Style> s) {
        add(s, 8, "s-and-back", "an S, then back up to close", h -> List.of(figure8(h, EIGHT, false, h.u(0.75, 1.0))));
        add(s, 8, "mirrored", "started at the top left going clockwise", h -> List.of(figure8(h, EIGHT, true, h.u(0.75, 1.0))));
        add(s, 8, "snowman", "two loops drawn separately, one on the other", h -> {
            double mid = h.u(0.4, 0.48);
            Trace top = h.at(0.31, 0).arc(0.31, mid / 2, h.u(0.16, 0.24), mid / 2, -90, -90 + (h.chance(0.5) ? 370 : -370));
            double ry = (1 - mid) / 2;
            Trace bottom = h.at(0.31, mid).arc(0.31, mid + ry, h.u(0.24, 0.31), ry, -90, -90 + (h.chance(0.5) ? 370 : -370));
            return List.of(top, bottom);
        });
        add(s, 8, "from-middle", "started at the waist, lower loop first", h -> {
            double[][] k = {
                {0.31, 0.5}, {0.55, 0.68}, {0.52, 0.92}, {0.3, 1.0}, {0.08, 0.9}, {0.08, 0.68}, {0.31, 0.5},
                {0.5, 0.32}, {0.47, 0.07}, {0.31, 0.0}, {0.13, 0.08}, {0.13, 0.3}, {0.33, 0.5}
            };
            return List.of(figure8(h, k, h.chance(0.3), h.u(0.8, 1.0)));
        });
    }

    // ---- 9 ----

    /** The head of a 9, counter-clockwise from its right side, ending where the stem starts. */
    private static Trace head9(Hand h, double ry, double rx) {
        double cx = 0.3, cy = ry;
        double start = h.u(-30, 0);
        double x0 = cx + rx * Math.cos(Math.toRadians(start)), y0 = cy + ry * Math.sin(Math.toRadians(start));
        return h.at(x0, y0).arc(cx, cy, rx, ry, start, start - h.u(320, 375));
    }

    private static void nines(List<Style> s) {
        add(s, 9, "straight", "a round head and a straight stem", h -> {
            double ry = h.u(0.2, 0.27), rx = h.u(0.22, 0.3);
            Trace t = head9(h, ry, rx).corner(0.3 + rx, ry * h.u(0.6, 1.0)).to(0.3 + rx - h.u(0.0, 0.06), 1);
            return List.of(t);
        });
        add(s, 9, "curved-stem", "the stem bends left at the bottom", h -> {
            double ry = h.u(0.2, 0.27), rx = h.u(0.22, 0.3);
            Trace t = head9(h, ry, rx).corner(0.3 + rx, ry).to(0.3 + rx - 0.03, 0.7).to(0.3 + rx - h.u(0.12, 0.2), 1);
            return List.of(t);
        });
        add(s, 9, "g-tail", "the stem curls into a g-like tail", h -> {
            double ry = h.u(0.18, 0.26), rx = h.u(0.22, 0.3);
            double x = 0.3 + rx;
            Trace t = head9(h, ry, rx).corner(x, ry).to(x - 0.01, 0.62).to(x - 0.08, 0.9).to(x - 0.25, 1.0)
                    .to(h.u(0.0, 0.1), h.u(0.82, 0.92));
            if (h.chance(0.3)) {
                t.to(0.06, h.u(0.72, 0.8));
            }
            return List.of(t);
        });
        add(s, 9, "round-tail", "a big head and a tail curving back to the left, like a turned 6", h -> {
            double ry = h.u(0.24, 0.34), rx = h.u(0.24, 0.31);
            double x = 0.3 + rx;
            Trace t = head9(h, ry, rx).to(x + 0.01, ry * 1.4).to(x - 0.04, 0.75).to(x - 0.2, 0.97).to(0.12, 0.98)
                    .to(h.u(0.0, 0.08), h.u(0.74, 0.92));
            return List.of(t);
        });
        add(s, 9, "two-stroke", "the head and the stem as two strokes", h -> {
            double ry = h.u(0.2, 0.27), rx = h.u(0.22, 0.3);
            Trace head = head9(h, ry, rx);
            Trace stem = h.at(0.3 + rx + h.u(-0.02, 0.02), h.u(0.0, 0.15)).to(0.3 + rx - h.u(0.0, 0.08), 1);
            return List.of(head, stem);
        });
        add(s, 9, "q-like", "the head flows into a stem without a corner", h -> {
            double ry = h.u(0.2, 0.27), rx = h.u(0.2, 0.28);
            double cx = 0.3, x = cx + rx;
            Trace t = h.at(x, ry * 0.4).arc(cx, ry, rx, ry, -40, -360).to(x, ry * 1.5).to(x - h.u(0.0, 0.1), 1);
            return List.of(t);
        });
    }
}
