// Loaders of other features' content, kept here until each feature registers its own.
import './news.ts';
import './documents.ts';
