/* The floor for reading: for every file given (or every file in a folder given), open it with
 * libzip, inflate each XML part (*.xml, *.rels) into memory and make one xmlTextReader pass over
 * it, touching every element name and text value; a file that is not a zip is read whole.
 * Nothing else: no model, no checks. Compiled by scripts/bench/run.py at bench time:
 *   cc -O2 floor.c $(pkg-config --cflags --libs libzip libxml-2.0) -o floor
 */
#include <dirent.h>
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zip.h>

static unsigned long long checksum;

static int is_xml_part(const char *name) {
    size_t n = strlen(name);
    return (n > 4 && strcmp(name + n - 4, ".xml") == 0) || (n > 5 && strcmp(name + n - 5, ".rels") == 0);
}

static void stream(const char *bytes, int size, const char *name) {
    xmlTextReaderPtr reader = xmlReaderForMemory(bytes, size, name, NULL, XML_PARSE_NONET | XML_PARSE_COMPACT | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
    if (!reader) return;
    while (xmlTextReaderRead(reader) == 1) {
        int type = xmlTextReaderNodeType(reader);
        if (type == 1) {
            const xmlChar *local = xmlTextReaderConstLocalName(reader);
            checksum += local ? local[0] : 0;
            while (xmlTextReaderMoveToNextAttribute(reader) == 1) {
                const xmlChar *value = xmlTextReaderConstValue(reader);
                checksum += value ? value[0] : 0;
            }
            xmlTextReaderMoveToElement(reader);
        } else if (type == 3 || type == 14) {
            const xmlChar *value = xmlTextReaderConstValue(reader);
            checksum += value ? strlen((const char *)value) : 0;
        }
    }
    xmlFreeTextReader(reader);
}

static void read_whole(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return;
    char buffer[65536];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, f)) > 0) checksum += (unsigned char)buffer[0];
    fclose(f);
}

static void one_file(const char *path) {
    int error = 0;
    zip_t *zip = zip_open(path, ZIP_RDONLY, &error);
    if (!zip) { read_whole(path); return; }
    zip_int64_t count = zip_get_num_entries(zip, 0);
    for (zip_int64_t i = 0; i < count; i++) {
        zip_stat_t st;
        if (zip_stat_index(zip, i, 0, &st) != 0 || !is_xml_part(st.name)) continue;
        zip_file_t *file = zip_fopen_index(zip, i, 0);
        if (!file) continue;
        char *bytes = malloc(st.size + 1);
        zip_int64_t got = zip_fread(file, bytes, st.size);
        zip_fclose(file);
        if (got > 0) stream(bytes, (int)got, st.name);
        free(bytes);
    }
    zip_discard(zip);
}

static void one_path(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) return;
    if (!S_ISDIR(st.st_mode)) { one_file(path); return; }
    DIR *dir = opendir(path);
    if (!dir) return;
    struct dirent *entry;
    while ((entry = readdir(dir))) {
        if (entry->d_name[0] == '.') continue;
        char child[4096];
        snprintf(child, sizeof child, "%s/%s", path, entry->d_name);
        one_path(child);
    }
    closedir(dir);
}

int main(int argc, char **argv) {
    xmlInitParser();
    for (int i = 1; i < argc; i++) one_path(argv[i]);
    printf("%llu\n", checksum);
    return 0;
}
