"""Writes mlp-keras2-gzip.h5: mlp-keras2-list.h5 with every dataset chunked and gzip-compressed, as
h5py writes it with compression="gzip" (Keras never does, but a user's h5py may). Hdf5LimitsTest
reads it through Inkling's bounded deflate filter. Run with h5py: python3 make_hostile_fixtures.py"""
import h5py

with h5py.File("mlp-keras2-list.h5", "r") as src, h5py.File("mlp-keras2-gzip.h5", "w") as dst:
    def copy(group_src, group_dst):
        for k, v in group_src.attrs.items():
            group_dst.attrs[k] = v
        for name, obj in group_src.items():
            if isinstance(obj, h5py.Dataset):
                d = group_dst.create_dataset(name, data=obj[()], compression="gzip", chunks=True)
                for k, v in obj.attrs.items():
                    d.attrs[k] = v
            else:
                copy(obj, group_dst.create_group(name))
    copy(src, dst)

# mlp-keras2-vlen.h5: the same model with its layer names as variable-length strings (each a global
# heap object, as h5py writes a list of str); Hdf5LimitsTest points two of them at one object.
import shutil
shutil.copy("mlp-keras2-list.h5", "mlp-keras2-vlen.h5")
with h5py.File("mlp-keras2-vlen.h5", "r+") as f:
    names = [n.decode() for n in f["model_weights"].attrs["layer_names"]]
    del f["model_weights"].attrs["layer_names"]
    f["model_weights"].attrs.create("layer_names", names, dtype=h5py.string_dtype())
