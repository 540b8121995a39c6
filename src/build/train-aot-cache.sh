#!/bin/sh
# Trains the app image's AOT cache (JDK 25: JEP 483, 514, 515). The app opens its window and trains
# for a few seconds while the JVM records which classes it loads and links and how its methods
# run; the cache written next to the jars lets the launcher start with all that done already:
# the window is on screen in about a third of the time (measured 1.8-2.5 s instead of 5.5-7.5 s,
# load average 7.6 on 2 cores; the jlink runtime has no CDS archive of its own). The run uses
# JavaFX's Headless platform, so it needs no display; the few classes of the real desktop
# platform are then loaded as usual at start. Its own report is of no interest: stdout is dropped.
#
# The classpath is the launcher's own, in its order, read from its .cfg file: the JVM uses the
# cache only for the very class path it was trained with.
#
# usage: train-aot-cache.sh APP_DIR   (APP_DIR: the image's folder, e.g. target/app-image/BackpropLab)
set -e
image="$1"
app=$(cd "$image/lib/app" && pwd)
classpath=$(sed -n "s|^app.classpath=\\\$APPDIR|$app|p" "$app/BackpropLab.cfg" | paste -sd: -)
"$image/lib/runtime/bin/java" -XX:AOTCacheOutput="$app/BackpropLab.aot" \
    -Dglass.platform=Headless -Dprism.order=sw --enable-native-access=ALL-UNNAMED --add-modules=jdk.incubator.vector \
    -cp "$classpath" org.backproplab.Main --bench-window 3 > /dev/null
