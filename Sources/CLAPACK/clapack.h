// Fortran LAPACK/BLAS routines called by iccsim's LinearAlgebra target.
// Every argument is passed by reference; character arguments carry a hidden
// length (size_t) appended after the visible ones, as gfortran passes them.
#ifndef ICCSIM_CLAPACK_H
#define ICCSIM_CLAPACK_H
#include <stddef.h>

void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info, size_t uplo_len);

#endif
