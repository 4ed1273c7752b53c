// Loaders of other features' content, registered here until each feature registers its own.
export {};
